// CodeScan: code items against the orders' code identifiers, decided per artefact and
// subject. Rendering is in scan_code_output.cc.
#include "cli/scan_code.h"

#include <algorithm>

#include "match/match.h"

namespace interdict::cli {
namespace {

// Evidence that shows a name, not a use: a URL in a string constant or a page's link may be
// a link to the designated service rather than its code, so a finding resting on it alone
// is for review.
bool weak(const CodeItem& item) { return item.kind == CodeKind::kUrl && item.role != "script"; }

std::string evidence_where(std::string_view path, std::uint64_t line, std::uint64_t offset) {
  std::string out(path);
  if (line > 0) {
    out += (out.empty() ? "line " : ":") + std::to_string(line);
  } else if (offset > 0) {
    out += "@" + std::to_string(offset);
  }
  return out;
}

}  // namespace

// The orders' code identifiers, compiled once, so that the hundreds of thousands of classes
// of a large app cost one hash probe per package level and only the few that match are
// decided by the engine. A target is an index into the corpus's subjects.
struct CodeScan::Gate {
  PackageMatcher packages;
  ClassMatcher classes;
  UrlMatcher urls;
  DomainMatcher domains;
  AppMatcher apps;
  ExactMatcher schemes{ExactMatcher::Case::kInsensitive};
  ExactMatcher symbols{ExactMatcher::Case::kSensitive};

  explicit Gate(const Corpus& corpus) {
    for (std::uint32_t s = 0; s < corpus.subjects.size(); ++s) {
      for (const Identifier& id : corpus.subjects[s].identifiers) {
        switch (id.kind) {
          case IdentifierKind::kPackage: packages.add(id.value, s); break;
          case IdentifierKind::kClass: classes.add(id.value, s); break;
          case IdentifierKind::kUrl: urls.add(id.value, s); break;
          case IdentifierKind::kDomain: (void)domains.add(id.value, false, s); break;
          case IdentifierKind::kDomainExact: (void)domains.add(id.value, true, s); break;
          case IdentifierKind::kApp: apps.add(id.value, s); break;
          case IdentifierKind::kScheme: schemes.add(id.value, s); break;
          case IdentifierKind::kSymbol: symbols.add(id.value, s); break;
          case IdentifierKind::kAsn:
          case IdentifierKind::kPrefix:
          case IdentifierKind::kName: break;
        }
      }
    }
  }

  // The subject `item` names, if any; `rule` is the rule that matched.
  [[nodiscard]] std::optional<MatchHit> match(const CodeItem& item, std::string& scratch) const {
    switch (item.kind) {
      case CodeKind::kPackage: return packages.match(item.value);
      case CodeKind::kClass: return classes.match(item.value);
      case CodeKind::kFramework: {
        if (auto hit = classes.match(item.value)) return hit;
        scratch.assign("pkg:cocoapods/");
        scratch.append(item.value);
        return packages.match(scratch);
      }
      case CodeKind::kApp: return apps.match(item.value);
      case CodeKind::kScheme: return schemes.match(item.value);
      case CodeKind::kSymbol: return symbols.match(item.value);
      case CodeKind::kUrl: {
        std::string_view url = item.value;
        if (url.starts_with("//")) {
          scratch.assign("https:");
          scratch.append(url);
          url = scratch;
        }
        if (auto hit = urls.match(url)) return hit;
        const std::string_view host = UrlMatcher::host_of(url);
        if (host.empty()) return std::nullopt;
        return domains.match(host);
      }
    }
    return std::nullopt;
  }
};

CodeScan::CodeScan(const OrderSet& orders, Options options)
    : orders_(orders), options_(std::move(options)), gate_(std::make_shared<const Gate>(orders.corpus())) {}

std::unique_ptr<CodeScan> CodeScan::fork() const {
  auto out = std::unique_ptr<CodeScan>(new CodeScan(orders_, options_, gate_));
  return out;
}

CodeScan::CodeScan(const OrderSet& orders, Options options, std::shared_ptr<const Gate> gate)
    : orders_(orders), options_(std::move(options)), gate_(std::move(gate)) {}

void CodeScan::absorb(CodeScan&& other) {
  for (Artefact& a : other.artefacts_) artefacts_.push_back(std::move(a));
  other.artefacts_.clear();
}

CodeScan::~CodeScan() = default;

CodeSink& CodeScan::begin(std::string_view path, std::string_view format, std::uint64_t size) {
  Artefact& a = artefacts_.emplace_back();
  a.size = size;
  a.path = std::string(path);
  a.format = std::string(format);
  return *this;
}

void CodeScan::fail(std::string_view path, std::string_view format, std::string_view reason) {
  Artefact& a = artefacts_.emplace_back();
  a.path = std::string(path);
  a.format = std::string(format);
  a.fatal = true;
  a.damaged = 1;
  a.damage.emplace_back(reason);
}

void CodeScan::item(const CodeItem& given) {
  Artefact& a = artefacts_.back();
  CodeItem item = given;
  if (item.path == a.path) item.path = {};  // a reader that names the file itself
  ++a.items;
  if (item.role == "self" && a.self.empty()) {
    a.self = std::string(item.value);
    a.self_version = std::string(item.version);
  }
  std::string scratch;
  const auto hit = gate_->match(item, scratch);
  if (!hit) return;
  const Subject* subject = &orders_.corpus().subjects[hit->target];
  auto it = std::find_if(a.found.begin(), a.found.end(), [&](const Found& f) { return f.subject == subject; });
  if (it == a.found.end()) {
    Found& f = a.found.emplace_back();
    f.subject = subject;
    f.matched_rule = std::string(hit->rule);
    decide(item, f);
    it = a.found.end() - 1;
  }
  Found& f = *it;
  ++f.items;
  const std::string component = item.component.empty() ? std::string(item.value) : std::string(item.component);
  f.components.insert(item.version.empty() ? component : component + "@" + std::string(item.version));
  if (f.samples.size() < kMaxSamples) {
    f.samples.push_back(Evidence{item.kind, std::string(item.value), std::string(item.version),
                                 std::string(item.component), std::string(item.role), std::string(item.path), item.line,
                                 item.offset});
  }
  if (!weak(item) && f.finding.verdict == Verdict::kReview && f.reasons.size() > 0 &&
      f.reasons.back().starts_with("evidence: only URLs")) {
    // Stronger evidence arrived: the decision stands as the engine made it.
    decide(item, f);
  }
}

void CodeScan::decide(const CodeItem& item, Found& f) {
  Observation obs;
  obs.activity = Activity::kCode;
  obs.at = options_.as_of;
  obs.add_country(options_.accessible_in);
  std::string pod;
  switch (item.kind) {
    case CodeKind::kPackage: obs.add_probe(ProbeKind::kPackage, item.value); break;
    case CodeKind::kClass: obs.add_probe(ProbeKind::kClass, item.value); break;
    case CodeKind::kFramework:
      pod = "pkg:cocoapods/" + std::string(item.value);
      obs.add_probe(ProbeKind::kClass, item.value);
      obs.add_probe(ProbeKind::kPackage, pod);
      break;
    case CodeKind::kApp: obs.add_probe(ProbeKind::kApp, item.value); break;
    case CodeKind::kUrl:
      pod = item.value.starts_with("//") ? "https:" + std::string(item.value) : std::string(item.value);
      obs.add_probe(ProbeKind::kUrl, pod);
      break;
    case CodeKind::kScheme: obs.add_probe(ProbeKind::kScheme, item.value); break;
    case CodeKind::kSymbol: obs.add_probe(ProbeKind::kSymbol, item.value); break;
  }
  obs.evidence = EvidenceRef{artefacts_.back().path, item.line};
  f.finding = orders_.decide(obs, options_.known_at.value_or(kEndOfTime));
  f.reasons = orders_.explain(f.finding, obs);
  f.reasons.push_back("evidence: " + std::string(code_kind_name(item.kind)) + " `" + std::string(item.value) + "`" +
                      (item.role.empty() ? "" : " (" + std::string(item.role) + ")") + " at " +
                      evidence_where(item.path.empty() ? artefacts_.back().path : item.path, item.line, item.offset));
  if (weak(item) && f.finding.verdict == Verdict::kProhibited) {
    f.finding.verdict = Verdict::kReview;
    f.reasons.push_back(
        "evidence: only URLs in strings or links so far, which may point at the service rather than use its "
        "code: review");
  }
}

void CodeScan::damage(const CodeDamage& given) {
  Artefact& a = artefacts_.back();
  CodeDamage d = given;
  if (d.path == a.path) d.path = {};
  ++a.damaged;
  if (d.fatal) a.fatal = true;
  if (a.damage.size() < kMaxDamageKept) {
    std::string where = evidence_where(d.path, d.line, d.offset);
    a.damage.push_back((where.empty() ? "" : where + ": ") + std::string(d.reason));
  }
}

std::size_t CodeScan::prohibited() const {
  std::size_t n = 0;
  for (const Artefact& a : artefacts_) {
    for (const Found& f : a.found) n += f.finding.verdict == Verdict::kProhibited ? 1 : 0;
  }
  return n;
}

}  // namespace interdict::cli
