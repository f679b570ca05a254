// DomainMatcher: one hash probe per label, walking from the full name to its shortest suffix.

#include <cstddef>

#include "match/match.h"

namespace interdict {
namespace {

// RFC 1035 limits a name to 255 octets on the wire, which is 253 characters of text
// without the trailing dot.
constexpr std::size_t kMaxDomainLength = 253;

constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool DomainMatcher::add(std::string_view domain, bool exact, std::uint32_t target) {
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  if (domain.empty() || domain.size() > kMaxDomainLength) return false;
  std::string key(domain);
  for (char& c : key) c = ascii_lower(c);
  // The first rule for a name keeps it, so adding the same orders twice changes nothing.
  (exact ? exact_ : suffix_).try_emplace(std::move(key), target);
  return true;
}

std::optional<MatchHit> DomainMatcher::match(std::string_view host) const {
  // One spare byte so a 253-character name with its trailing dot still fits before the strip.
  char buf[kMaxDomainLength + 3];
  if (host.size() > kMaxDomainLength + 1) return std::nullopt;
  std::size_t n = host.size();
  for (std::size_t i = 0; i < n; ++i) buf[i] = ascii_lower(host[i]);
  if (n > 0 && buf[n - 1] == '.') --n;
  if (n == 0 || n > kMaxDomainLength) return std::nullopt;
  const std::string_view name(buf, n);

  if (auto it = exact_.find(name); it != exact_.end()) return MatchHit{it->second, it->first, true};
  if (suffix_.empty()) return std::nullopt;
  // Longest first: the full name, then what follows each '.', so a rule only ever starts on
  // a label boundary.
  for (std::size_t start = 0; start < n;) {
    const std::string_view tail = name.substr(start);
    if (auto it = suffix_.find(tail); it != suffix_.end()) return MatchHit{it->second, it->first, start == 0};
    const std::size_t dot = name.find('.', start);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return std::nullopt;
}

}  // namespace interdict
