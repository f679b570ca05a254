#include "cli/scan_hosting_worker.h"

#include <emmintrin.h>

#include <algorithm>
#include <cstring>

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

// Copies `size` bytes, at most 32, with two fixed-size moves that overlap when fewer: a
// host is short, and a copy of variable size is a call to memcpy.
inline void copy_short(char* to, const char* from, std::size_t size) {
  if (size >= 16) {
    const __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
    const __m128i tail = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + size - 16));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to), head);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to + size - 16), tail);
  } else if (size >= 8) {
    std::uint64_t head, tail;
    std::memcpy(&head, from, 8);
    std::memcpy(&tail, from + size - 8, 8);
    std::memcpy(to, &head, 8);
    std::memcpy(to + size - 8, &tail, 8);
  } else if (size >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, from, 4);
    std::memcpy(&tail, from + size - 4, 4);
    std::memcpy(to, &head, 4);
    std::memcpy(to + size - 4, &tail, 4);
  } else {
    for (std::size_t i = 0; i < size; ++i) to[i] = from[i];
  }
}

// Eight bytes at a time: a byte-wise hash is a chain of one multiply per byte, and the
// gate hashes a label pair on every line.
std::uint64_t hash(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  std::uint64_t h = s.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    std::uint64_t word = 0;
    if (s.size() >= 8) {
      // The last eight bytes, shifted down to those not hashed yet: a fixed-size load, where
      // a copy of the few left is a call to memcpy.
      std::memcpy(&word, s.data() + s.size() - 8, 8);
      word >>= 8 * (8 - (s.size() - i));
    } else {
      for (std::size_t k = s.size(); k-- > i;) word = (word << 8) | static_cast<unsigned char>(s[k]);
    }
    h = (h ^ word) * kMul;
  }
  return h ^ (h >> 32);
}

// The last `n` labels of `name` (all of it when it has fewer).
std::string_view last_labels(std::string_view name, int n) {
  std::size_t start = name.size();
  for (int i = 0; i < n; ++i) {
    if (start == 0) return name;
    const std::size_t dot = name.rfind('.', start - 1);
    if (dot == std::string_view::npos) return name;
    start = dot;
  }
  return name.substr(start + 1);
}

// The rare forms: "[v6]:port" and a trailing dot.
std::string_view normalise_slow(std::string_view host, char (&buffer)[256], HostLabels* labels) {
  if (const std::size_t colon = host.find(':');
      colon != std::string_view::npos && host.find(':', colon + 1) == std::string_view::npos) {
    host = host.substr(0, colon);
  }
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty() || host.size() > 253 || host == "-") return {};
  unsigned char bits = 0;
  for (std::size_t i = 0; i < host.size(); ++i) {
    const char c = host[i];
    bits |= static_cast<unsigned char>(c);
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const std::string_view name(buffer, host.size());
  if (labels != nullptr) {
    const std::string_view two = last_labels(name, 2);
    const std::string_view one = last_labels(name, 1);
    *labels = HostLabels{name.size() - two.size(), name.size() - one.size(), bits < 0x80,
                         name.find(':') != std::string_view::npos};
  }
  return name;
}

}  // namespace

void LabelGate::add(std::string_view domain) {
  std::string name(domain);
  while (!name.empty() && name.back() == '.') name.pop_back();
  for (char& c : name) {
    if (static_cast<unsigned char>(c) >= 0x80) open_ = true;  // the matcher turns it to punycode
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  if (name.empty() || open_) return;
  single_labels_ |= name.find('.') == std::string::npos;
  const std::string key(last_labels(name, 2));
  if (contains(key)) return;
  add_tail(key);
  keys_.push_back(key);
  std::size_t size = 16;
  while (size < keys_.size() * 4) size *= 2;
  slots_.assign(size, 0);
  for (std::uint32_t i = 0; i < keys_.size(); ++i) {
    for (std::size_t at = hash(keys_[i]) & (size - 1);; at = (at + 1) & (size - 1)) {
      if (slots_[at] == 0) {
        slots_[at] = i + 1;
        break;
      }
    }
  }
}

void LabelGate::add_tail(std::string_view key) {
  const std::size_t size = std::min<std::size_t>(key.size(), 8);
  // The key as written and folded as rejects_raw() folds a host: set bit 0x20 of every byte.
  std::string folded(key);
  for (char& c : folded) c = static_cast<char>(c | 0x20);
  for (std::string_view form : {key, std::string_view(folded)}) {
    const std::size_t bit = tail_bit(tail_word(form, size));
    tail_bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  if (size < 8 && std::find(short_sizes_.begin(), short_sizes_.begin() + short_count_, size) ==
                      short_sizes_.begin() + short_count_) {
    short_sizes_[short_count_++] = static_cast<std::uint8_t>(size);
  }
}

std::uint64_t LabelGate::tail_word(std::string_view name, std::size_t size) {
  std::uint64_t word = 0;
  if (name.size() >= 8) {
    std::memcpy(&word, name.data() + name.size() - 8, 8);
    word = size == 8 ? word : word >> (8 * (8 - size));
  } else {
    for (std::size_t k = name.size() - size; k < name.size(); ++k) {
      word |= std::uint64_t{static_cast<unsigned char>(name[k])} << (8 * (k - (name.size() - size)));
    }
  }
  // The size, in a byte a shorter tail leaves empty, keeps "qq.com" apart from "xqq.com".
  return size == 8 ? word : word | (std::uint64_t{size} << 56);
}

bool LabelGate::tail_may_match(std::string_view host) const {
  if (host.size() < 8) return true;  // rare: the labels decide
  std::uint64_t word;
  std::memcpy(&word, host.data() + host.size() - 8, 8);
  return tail_hit(word);
}

bool LabelGate::rejects_raw(std::string_view host) const {
  const std::size_t size = host.size();
  // Left to normalise_host: short or long hosts, "[v6]", and any host not ending in a
  // letter (a port, a trailing dot, an IPv4 address).
  if (open_ || size < 8 || size > 32 || host[0] == '[') return false;
  const char last = static_cast<char>(host[size - 1] | 0x20);
  if (last < 'a' || last > 'z') return false;
  // The host's first and last 16 (or 8) bytes, overlapping: every byte is in one of them.
  __m128i head, tail;
  if (size >= 16) {
    head = _mm_loadu_si128(reinterpret_cast<const __m128i*>(host.data()));
    tail = _mm_loadu_si128(reinterpret_cast<const __m128i*>(host.data() + size - 16));
  } else {
    head = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(host.data()));
    tail = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(host.data() + size - 8));
  }
  const __m128i colon = _mm_set1_epi32(0x3a3a3a3a);
  const __m128i colons = _mm_or_si128(_mm_cmpeq_epi8(head, colon), _mm_cmpeq_epi8(tail, colon));
  // A byte past 0x7f (an IDN, turned to punycode by the matcher) or a colon (a port, IPv6):
  // left to normalise_host.
  if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(head, tail), colons)) != 0) return false;
  std::uint64_t word;
  std::memcpy(&word, host.data() + size - 8, 8);
  return !tail_hit(word | 0x2020202020202020ULL);
}

bool LabelGate::tail_hit(std::uint64_t word) const {
  // Every probe is made and their answers joined: a branch per key size would be taken at
  // random, host after host.
  std::size_t bit = tail_bit(word);
  std::uint64_t hit = tail_bits_[bit / 64] >> (bit % 64);
  for (std::size_t i = 0; i < short_count_; ++i) {
    const std::size_t size = short_sizes_[i];
    bit = tail_bit((word >> (8 * (8 - size))) | (std::uint64_t{size} << 56));
    hit |= tail_bits_[bit / 64] >> (bit % 64);
  }
  return (hit & 1) != 0;
}

bool LabelGate::contains(std::string_view key) const {
  if (slots_.empty()) return false;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash(key) & mask; slots_[at] != 0; at = (at + 1) & mask) {
    if (keys_[slots_[at] - 1] == key) return true;
  }
  return false;
}

bool LabelGate::may_match(std::string_view host, std::size_t last2, std::size_t last1) const {
  if (open_) return true;
  // A host that a key's labels end must end with the key's last bytes: one probe with its
  // last eight (and one per shorter key size) turns most hosts away before the labels
  // are hashed.
  if (!tail_may_match(host)) return false;
  if (contains(host.substr(last2))) return true;
  return single_labels_ && contains(host.substr(last1));
}

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

std::string_view normalise_host(std::string_view host, char (&buffer)[256], HostLabels* labels) {
  if (!host.empty() && host.front() == '[') return normalise_slow(host.substr(1, host.find(']') - 1), buffer, labels);
  if (host.size() > sizeof buffer) return normalise_slow(host, buffer, labels);  // cuts the port first
  // One pass over the bytes, 16 at a time (SSE2): lower case, where the last two labels
  // start, where the first colon is. The host is copied first, so the blocks read past
  // its end stay inside `buffer`.
  if (host.size() <= 32) {
    copy_short(buffer, host.data(), host.size());
  } else {
    std::memcpy(buffer, host.data(), host.size());
  }
  std::size_t dot1 = 0, dot2 = 0, colon = host.size(), colons = 0;
  int high = 0;
  const __m128i upper_from = _mm_set1_epi32(0x40404040);  // '@', one below 'A'
  const __m128i upper_to = _mm_set1_epi32(0x5b5b5b5b);    // '[', one above 'Z'
  const __m128i case_bit = _mm_set1_epi32(0x20202020);
  const __m128i dots = _mm_set1_epi32(0x2e2e2e2e);
  const __m128i colon_bytes = _mm_set1_epi32(0x3a3a3a3a);
  for (std::size_t i = 0; i < host.size(); i += 16) {
    auto* at = reinterpret_cast<__m128i*>(buffer + i);
    __m128i v = _mm_loadu_si128(at);
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, upper_from), _mm_cmpgt_epi8(upper_to, v));
    v = _mm_or_si128(v, _mm_and_si128(upper, case_bit));
    _mm_storeu_si128(at, v);
    const std::size_t left = host.size() - i;
    const unsigned valid = left >= 16 ? 0xffffu : (1u << left) - 1;
    high |= _mm_movemask_epi8(v) & static_cast<int>(valid);
    unsigned d = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, dots))) & valid;
    const unsigned c = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, colon_bytes))) & valid;
    if (c != 0 && colons == 0) colon = i + static_cast<std::size_t>(__builtin_ctz(c));
    // One colon (a port) or more (IPv6) is all that matters: a popcount is a call to libgcc
    // in a build for every x86-64.
    colons += c == 0 ? 0 : (c & (c - 1)) == 0 ? 1 : 2;
    if (d != 0) {
      const std::size_t last = i + 31 - static_cast<std::size_t>(__builtin_clz(d));
      d &= ~(1u << (last - i));
      dot2 = d != 0 ? i + 32 - static_cast<std::size_t>(__builtin_clz(d)) : dot1;
      dot1 = last + 1;
    }
  }
  const unsigned char bits = high != 0 ? 0x80 : 0;
  std::size_t size = colons == 1 ? colon : host.size();  // "host:port"; more colons: IPv6
  if (size > 0 && buffer[size - 1] == '.') return normalise_slow(host.substr(0, size), buffer, labels);
  if (size == 0 || size > 253 || (size == 1 && buffer[0] == '-')) return {};
  if (labels != nullptr) {
    if (dot1 > size) {
      // Dots after the port's colon ("host:..x.com", damaged or hostile) were counted
      // above: find the last labels again in the host part alone.
      const std::string_view name(buffer, size);
      *labels = HostLabels{size - last_labels(name, 2).size(), size - last_labels(name, 1).size(), bits < 0x80, false};
    } else {
      *labels = HostLabels{dot2, dot1, bits<0x80, colons> 1};
    }
  }
  return {buffer, size};
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
