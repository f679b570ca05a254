#include "cli/scan_hosting_worker.h"

#include <algorithm>

#include "cli/common.h"

namespace interdict::cli {
namespace {

// Orders two answers for one record, as the store scan does: the stricter verdict, then
// the one a clause governs, then the one in that clause's scope.
int rank(const Finding& f) {
  const Match* g = f.governing_match();
  return severity(f.verdict) * 4 + (g != nullptr ? 2 : 0) + (g != nullptr && g->scope == ScopeTest::kInScope ? 1 : 0);
}

// IPv6 text has a colon; an IPv4 address ends in a digit, a host name never does (no
// top-level domain is numeric).
bool may_be_ip(std::string_view host, const HostLabels& labels) {
  return labels.colon || (host.back() >= '0' && host.back() <= '9');
}

}  // namespace

HostingShared::HostingShared(const OrderSet& o) : orders(o) {
  for (const Subject& subject : orders.corpus().subjects) {
    for (const Identifier& id : subject.identifiers) {
      if (id.kind == IdentifierKind::kDomain || id.kind == IdentifierKind::kDomainExact) {
        domains.add(id.value, id.kind == IdentifierKind::kDomainExact, 0);
        gate.add(id.value);
      }
      if (id.kind == IdentifierKind::kPrefix) prefixes.add(id.value, 0);
    }
  }
}

void HostWorker::begin_input(std::unique_ptr<HostLineParser> parser, std::uint32_t input, std::string_view file) {
  parser_ = std::move(parser);
  cdn_ = parser_->cdn();
  input_ = input;
  file_ = file;
}

HostWorker::Outcome HostWorker::line(std::string_view text, std::uint64_t number) {
  ++counts.lines;
  if (number == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.empty()) return Outcome::kOk;
  return take(parser_->parse(text, record_, &why_), text, number);
}

HostWorker::Outcome HostWorker::line_at(const char* begin, const char* end, std::uint64_t number, const char*& next) {
  // The first line may open with a byte order mark, and an empty line is no record in any
  // format: both are line()'s.
  if (number == 1 || *begin == '\n' || *begin == '\r') return line(interdict::line_at(begin, end, next), number);
  ++counts.lines;
  std::string_view text;
  const LineKind kind = parser_->parse_at(begin, end, record_, &why_, text, next);
  return take(kind, text, number);
}

HostWorker::Outcome HostWorker::take(LineKind kind, std::string_view text, std::uint64_t number) {
  switch (kind) {
    case LineKind::kSkip: return Outcome::kOk;
    case LineKind::kDamaged: ++counts.damaged; return Outcome::kDamaged;
    case LineKind::kRecord: break;
  }
  ++counts.records;
  // Most hosts are no designated name, and most can be told so from their raw bytes.
  if (record_.target.empty() && shared_.gate.rejects_raw(record_.host)) return Outcome::kOk;
  HostLabels labels;
  const std::string_view host = normalise_host(record_.host, host_, &labels);
  if (host.empty()) {
    ++counts.no_host;
    return Outcome::kOk;
  }
  bool identified = consider(host, host, labels, {}, text, number);
  if (!record_.target.empty()) {
    const std::string_view target = normalise_host(record_.target, target_, &labels);
    if (!target.empty()) identified |= consider(host, target, labels, target, text, number);
  }
  counts.identified += identified ? 1 : 0;
  return Outcome::kOk;
}

bool HostWorker::consider(std::string_view host, std::string_view probe, const HostLabels& labels, std::string_view via,
                          std::string_view text, std::uint64_t number) {
  // The prefilter: most hosts are no designated name, and one index probe says so.
  ProbeKind kind = ProbeKind::kDomain;
  if (may_be_ip(probe, labels) && parse_ip(probe)) {
    if (!shared_.prefixes.match(probe)) return false;
    kind = ProbeKind::kIp;
  } else if ((labels.ascii && !shared_.gate.may_match(probe, labels.last2, labels.last1)) ||
             !shared_.domains.match(probe)) {
    return false;
  }
  Observation obs;
  obs.activity = Activity::kHosting;
  obs.add_probe(kind, probe);
  if (record_.country.size() == 2) {
    for (int i = 0; i < 2; ++i) {
      const char c = record_.country[static_cast<std::size_t>(i)];
      country_[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    }
    obs.add_country(std::string_view(country_, 2));
  } else if (!shared_.country.empty()) {
    obs.add_country(shared_.country);
  }
  obs.at = record_.has_time ? record_.at : shared_.as_of;
  obs.evidence = EvidenceRef{file_, number};
  Finding best = shared_.orders.decide(obs, shared_.known_at);
  std::uint8_t stop = best.verdict == Verdict::kProhibited ? kHostingBit : 0;
  std::uint8_t review = best.verdict == Verdict::kReview ? kHostingBit : 0;
  if (cdn_) {
    Observation cdn = obs;
    cdn.activity = Activity::kCdn;
    Finding f = shared_.orders.decide(cdn, shared_.known_at);
    stop |= f.verdict == Verdict::kProhibited ? kCdnBit : 0;
    review |= f.verdict == Verdict::kReview ? kCdnBit : 0;
    if (rank(f) > rank(best)) {
      best = f;
      obs = cdn;
    }
  }
  // Only what an order names is a finding: a subject no order designates (Tencent's
  // shared domains, say) is known to the orders but designated by none.
  bool designated = best.match_count > 0;
  for (std::uint8_t i = 0; i < best.designation_count && !designated; ++i) {
    designated = best.designations[i].order != nullptr;
  }
  if (!designated) return false;
  aggregate(host, via, best, obs, stop, review, text, number);
  return true;
}

void HostWorker::aggregate(std::string_view host, std::string_view via, const Finding& f, const Observation& obs,
                           std::uint8_t stop, std::uint8_t review, std::string_view text, std::uint64_t number) {
  const Match* g = f.governing_match();
  const Match* m = g != nullptr ? g : f.match_count > 0 ? &f.matches[0] : nullptr;
  const Designation* d = m == nullptr && f.designation_count > 0 ? &f.designations[0] : nullptr;
  std::string_view subject;
  std::string_view rule;
  if (m != nullptr) {
    subject = m->subject->id;
    rule = m->how.rule_text;
  } else if (d != nullptr) {
    subject = d->subject != nullptr ? std::string_view(d->subject->id) : std::string_view(d->entity->id);
    rule = d->how.rule_text;
  }
  key_.clear();
  key_.append(subject).append(1, '\x1f').append(host).append(1, '\x1f').append(via).append(1, '\x1f');
  key_ += static_cast<char>('0' + static_cast<int>(f.verdict));
  key_ += static_cast<char>('0' + static_cast<int>(f.status));
  key_ += static_cast<char>('0' + stop);
  key_ += static_cast<char>('0' + review);
  if (g != nullptr) key_.append(g->order->id).append(1, '\x1f').append(g->clause().id);
  auto it = aggregates.find(key_);
  if (it == aggregates.end()) {
    HostAggregate a;
    a.subject = subject;
    a.host = host;
    a.via = via;
    a.rule = rule;
    a.verdict = f.verdict;
    a.status = f.status;
    a.stop = stop;
    a.review = review;
    if (g != nullptr) {
      a.order = g->order;
      a.prohibition = g->prohibition;
      a.since = g->state.effective;
      a.scope = g->order->scope_of(g->prohibition);
    }
    shared_.orders.explain(f, obs, reasons_);
    a.reasons.assign(reasons_.begin(), reasons_.end());
    it = aggregates.emplace(key_, std::move(a)).first;
  }
  HostAggregate& a = it->second;
  ++a.requests;
  if (record_.has_time) {
    a.first_seen = std::min(a.first_seen, record_.at);
    a.last_seen = std::max(a.last_seen, record_.at);
  } else {
    ++a.untimed;
  }
  if (obs.country_count > 0) a.add_country(std::string_view(obs.countries[0].data(), 2));
  if (a.wants_sample(input_, number)) {
    a.add_sample(HostSample{input_, number, std::string(text.substr(0, kMaxSampleBytes))});
  }
}

}  // namespace interdict::cli
