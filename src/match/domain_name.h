// How DomainMatcher reads a name: the canonical form rules and probes are compared in
// (ASCII, case folded, no trailing dot, UTS #46 for non-ASCII names) and the hash of a
// name read right to left. Internal to src/match/domain.cc.
#pragma once

#include <unicode/uidna.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "base/ascii.h"
#include "match/flat_map.h"

namespace interdict::domain_name {

// RFC 1035 limits a name to 255 octets on the wire, which is 253 characters of text
// without the trailing dot.
inline constexpr std::size_t kMaxDomainLength = 253;
// UTS #46 may shrink a name (full-width letters, ignored code points), so Unicode input
// may be longer than 253 bytes; past this bound it is refused unread, which bounds the
// work an adversarial name can cause.
inline constexpr std::size_t kMaxUnicodeInput = 1024;
inline constexpr std::size_t kIdnaCapacity = 1024;
inline constexpr std::uint64_t kExactSalt = 0x9e3779b97f4a7c15ULL;
// Errors UTS #46 reports that the ASCII path never checks either: an empty label, a label
// or name too long (the length is checked afterwards), hyphens at either end or in
// positions 3-4 ("r3---sn-x.googlevideo.com" is a real host name).
inline constexpr std::uint32_t kToleratedIdnaErrors = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                                                      UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_LEADING_HYPHEN |
                                                      UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4;

// hash_text mixes a word at a time, and its low bits are weak for short names; the murmur
// finaliser spreads them before the table uses them.
constexpr std::uint64_t finish(std::uint64_t h, bool exact) {
  h ^= exact ? kExactSalt : 0;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// The hash of a lowercase name in canonical form: a suffix of a probe is hashed as the
// rule it may be, each on its own (the suffixes are few and short, and hashed side by side
// rather than in one chain of multiplies a byte long).
inline std::uint64_t hash_name(std::string_view lowercase_name, bool exact) {
  return finish(hash_text(lowercase_name), exact);
}

// Eight bytes a step: this runs on every probe.
inline bool is_ascii(std::string_view s) {
  std::uint64_t any = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    any |= w;
  }
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & 0x8080808080808080ULL) == 0;
}

// One UTS #46 instance for the process. ICU's IDNA objects are immutable and safe to share
// between threads. It is never closed: matchers may run on other threads until exit.
inline const UIDNA* uts46() {
  static const UIDNA* const idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    UIDNA* p = uidna_openUTS46(
        UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ,
        &status);
    return U_FAILURE(status) ? nullptr : p;
  }();
  return idna;
}

// The A-label form of a non-ASCII `name`, written to `out`, or false when UTS #46 refuses
// it or it does not fit.
inline bool to_ascii(std::string_view name, char* out, std::size_t capacity, std::string_view& ascii) {
  const UIDNA* idna = uts46();
  if (idna == nullptr || name.size() > kMaxUnicodeInput) return false;
  UErrorCode status = U_ZERO_ERROR;
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  const int32_t n = uidna_nameToASCII_UTF8(idna, name.data(), static_cast<int32_t>(name.size()), out,
                                           static_cast<int32_t>(capacity), &info, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return false;
  if ((info.errors & ~kToleratedIdnaErrors) != 0) return false;
  ascii = std::string_view(out, static_cast<std::size_t>(n));
  return is_ascii(ascii);
}

// Puts `name` in the form rules are stored in, minus case: no trailing dot, ASCII. Returns
// false for a name that can never match.
inline bool canonical(std::string_view& name, char* scratch) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  if (!is_ascii(name)) {
    if (!to_ascii(name, scratch, kIdnaCapacity, name)) return false;
    // An ideographic full stop at the end maps to a trailing dot.
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  }
  return !name.empty() && name.size() <= kMaxDomainLength;
}

}  // namespace interdict::domain_name
