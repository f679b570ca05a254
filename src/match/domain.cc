// DomainMatcher: one right-to-left pass hashes every suffix that starts on a label
// boundary; each is one probe of a flat table.

#include <cstddef>

#include "match/match.h"

namespace interdict {
namespace {

// RFC 1035 limits a name to 255 octets on the wire, which is 253 characters of text
// without the trailing dot.
constexpr std::size_t kMaxDomainLength = 253;
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr std::uint64_t kExactSalt = 0x9e3779b97f4a7c15ULL;

constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// FNV-1a runs well over short labels but leaves the low bits weak; the murmur finaliser
// spreads them before the table masks them off.
constexpr std::uint64_t finish(std::uint64_t h, bool exact) {
  h ^= exact ? kExactSalt : 0;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

bool equal_folded(std::string_view rule, std::string_view probe) {
  if (rule.size() != probe.size()) return false;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    if (rule[i] != ascii_lower(probe[i])) return false;
  }
  return true;
}

}  // namespace

std::size_t DomainMatcher::memory_bytes() const {
  std::size_t bytes = slots_.capacity() * sizeof(std::uint64_t) + rules_.capacity() * sizeof(Rule);
  for (const Rule& r : rules_) bytes += r.name.capacity() > 15 ? r.name.capacity() + 1 : 0;
  return bytes;
}

const DomainMatcher::Rule* DomainMatcher::find(std::uint64_t hash, std::string_view name, bool exact) const {
  if (slots_.empty()) return nullptr;
  const std::uint64_t tag = hash >> 32;
  for (std::uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return nullptr;
    if ((slot >> 32) != tag) continue;
    const Rule& rule = rules_[(slot & 0xffffffffULL) - 1];
    if (rule.exact == exact && equal_folded(rule.name, name)) return &rule;
  }
}

void DomainMatcher::insert_slot(std::uint64_t hash, std::uint32_t rule) {
  for (std::uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
    if (slots_[i] == 0) {
      slots_[i] = ((hash >> 32) << 32) | (static_cast<std::uint64_t>(rule) + 1);
      return;
    }
  }
}

bool DomainMatcher::add(std::string_view domain, bool exact, std::uint32_t target) {
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  if (domain.empty() || domain.size() > kMaxDomainLength) return false;
  std::uint64_t h = kFnvOffset;
  for (std::size_t i = domain.size(); i-- > 0;)
    h = (h ^ static_cast<unsigned char>(ascii_lower(domain[i]))) * kFnvPrime;
  const std::uint64_t hash = finish(h, exact);
  // The first rule for a name keeps it, so adding the same orders twice changes nothing.
  if (find(hash, domain, exact) != nullptr) return true;
  std::string name(domain);
  for (char& c : name) c = ascii_lower(c);
  rules_.push_back(Rule{std::move(name), target, exact});
  // Keep the table at most half full, so a miss ends after a probe or two.
  if (rules_.size() * 2 > slots_.size()) {
    slots_.assign(std::max<std::size_t>(16, slots_.size() * 2), 0);
    mask_ = slots_.size() - 1;
    for (std::uint32_t r = 0; r < rules_.size(); ++r) {
      std::uint64_t rh = kFnvOffset;
      const std::string& n = rules_[r].name;
      for (std::size_t i = n.size(); i-- > 0;) rh = (rh ^ static_cast<unsigned char>(n[i])) * kFnvPrime;
      insert_slot(finish(rh, rules_[r].exact), r);
    }
  } else {
    insert_slot(hash, static_cast<std::uint32_t>(rules_.size() - 1));
  }
  return true;
}

std::optional<MatchHit> DomainMatcher::match(std::string_view host) const {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty() || host.size() > kMaxDomainLength || rules_.empty()) return std::nullopt;
  // Right to left: at each label boundary the hash covers exactly the suffix from there,
  // so shorter suffixes are probed first and a longer hit replaces a shorter one.
  const Rule* best = nullptr;
  bool best_is_whole = false;
  std::uint64_t h = kFnvOffset;
  for (std::size_t i = host.size(); i-- > 0;) {
    h = (h ^ static_cast<unsigned char>(ascii_lower(host[i]))) * kFnvPrime;
    if (i != 0 && host[i - 1] != '.') continue;
    const std::string_view suffix = host.substr(i);
    if (const Rule* r = find(finish(h, false), suffix, false)) {
      best = r;
      best_is_whole = i == 0;
    }
  }
  // An exact rule is the most specific statement about a name.
  if (const Rule* r = find(finish(h, true), host, true)) return MatchHit{r->target, r->name, true};
  if (best == nullptr) return std::nullopt;
  return MatchHit{best->target, best->name, best_is_whole};
}

}  // namespace interdict
