// CodeScan: code items against the orders' code identifiers, decided per artefact and
// subject. Rendering is in scan_code_output.cc.
#include "cli/scan_code.h"

#include <algorithm>

namespace interdict::cli {
namespace {

// Evidence that shows a name, not a use: a URL in a string constant or a page's link may be
// a link to the designated service rather than its code. The engine makes a finding that
// rests on such a mention alone `review` (Strength::kMention).
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

CodeScan::CodeScan(const OrderSet& orders, Options options) : orders_(orders), options_(std::move(options)) {}

std::unique_ptr<CodeScan> CodeScan::fork() const { return std::make_unique<CodeScan>(orders_, options_); }

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
  // Every item is decided: the engine's indexes are the only ones, and a miss (nearly every
  // class of an app) costs about what a private pre-check would (docs/BENCHMARKS.md).
  std::string scratch;
  const Observation obs = observe(item, scratch);
  const Finding finding = orders_.decide(obs, options_.known_at.value_or(kEndOfTime));
  const Subject* subject = identified_subject(finding);
  if (subject == nullptr) return;
  auto it = std::find_if(a.found.begin(), a.found.end(), [&](const Found& f) { return f.subject == subject; });
  if (it == a.found.end()) {
    it = a.found.emplace(a.found.end());
    it->subject = subject;
    settle(item, obs, finding, *it);
  } else if (it->weak_only && !weak(item)) {
    settle(item, obs, finding, *it);  // stronger evidence: the decision stands as the engine made it
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
}

Observation CodeScan::observe(const CodeItem& item, std::string& scratch) const {
  Observation obs;
  obs.activity = Activity::kCode;
  obs.at = options_.as_of;
  obs.add_country(options_.accessible_in);
  switch (item.kind) {
    case CodeKind::kPackage: obs.add_probe(ProbeKind::kPackage, item.value); break;
    case CodeKind::kClass: obs.add_probe(ProbeKind::kClass, item.value); break;
    case CodeKind::kFramework:
      // A framework is a module (a class prefix) and the CocoaPod that ships it.
      scratch = "pkg:cocoapods/" + std::string(item.value);
      obs.add_probe(ProbeKind::kClass, item.value);
      obs.add_probe(ProbeKind::kPackage, scratch);
      break;
    case CodeKind::kApp: obs.add_probe(ProbeKind::kApp, item.value); break;
    case CodeKind::kUrl: {
      std::string_view url = item.value;
      if (url.starts_with("//")) {  // protocol-relative, as web pages write them
        scratch = "https:" + std::string(url);
        url = scratch;
      }
      obs.add_probe(ProbeKind::kUrl, url, weak(item) ? Strength::kMention : Strength::kUse);
      break;
    }
    case CodeKind::kScheme: obs.add_probe(ProbeKind::kScheme, item.value); break;
    case CodeKind::kSymbol: obs.add_probe(ProbeKind::kSymbol, item.value); break;
  }
  obs.evidence = EvidenceRef{artefacts_.back().path, item.line};
  return obs;
}

std::string_view CodeScan::matched_rule(const Finding& f) {
  if (const Match* m = f.governing_match()) return m->how.rule_text;
  if (f.match_count > 0) return f.matches[0].how.rule_text;
  return f.designation_count > 0 ? f.designations[0].how.rule_text.view() : std::string_view();
}

const Subject* CodeScan::identified_subject(const Finding& f) {
  if (const Match* m = f.governing_match()) return m->subject;
  if (f.match_count > 0) return f.matches[0].subject;
  for (std::uint8_t d = 0; d < f.designation_count; ++d) {
    if (f.designations[d].subject != nullptr) return f.designations[d].subject;
  }
  return nullptr;
}

void CodeScan::settle(const CodeItem& item, const Observation& obs, const Finding& finding, Found& f) {
  f.matched_rule = std::string(matched_rule(finding));
  f.finding = finding;
  f.weak_only = weak(item);
  f.reasons = orders_.explain(f.finding, obs);
  f.reasons.push_back("evidence: " + std::string(code_kind_name(item.kind)) + " `" + std::string(item.value) + "`" +
                      (item.role.empty() ? "" : " (" + std::string(item.role) + ")") + " at " +
                      evidence_where(item.path.empty() ? artefacts_.back().path : item.path, item.line, item.offset));
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
