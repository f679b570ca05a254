// DomainMatcher: one right-to-left pass hashes every suffix that starts on a label
// boundary; each is one probe of a flat table. A name with a non-ASCII byte is first put
// in its ASCII (A-label) form by ICU's UTS #46 processing, on both sides.

#include <unicode/uidna.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>

#include "match/match.h"

namespace interdict {
namespace {

// RFC 1035 limits a name to 255 octets on the wire, which is 253 characters of text
// without the trailing dot.
constexpr std::size_t kMaxDomainLength = 253;
// UTS #46 may shrink a name (full-width letters, ignored code points), so Unicode input
// may be longer than 253 bytes; past this bound it is refused unread, which bounds the
// work an adversarial name can cause.
constexpr std::size_t kMaxUnicodeInput = 1024;
constexpr std::size_t kIdnaCapacity = 1024;
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr std::uint64_t kExactSalt = 0x9e3779b97f4a7c15ULL;
constexpr std::size_t kEntryHeader = 6;  // length, exact, target
constexpr std::size_t kFirstBlock = std::size_t{1} << 12;
constexpr unsigned kBlockShift = 20;
constexpr std::size_t kMaxBlock = std::size_t{1} << kBlockShift;
constexpr std::size_t kMaxBlocks = 4095;  // so that ref + 1 fits 32 bits
// Errors UTS #46 reports that the ASCII path never checks either: an empty label, a label
// or name too long (the length is checked afterwards), hyphens at either end or in
// positions 3-4 ("r3---sn-x.googlevideo.com" is a real host name).
constexpr std::uint32_t kToleratedIdnaErrors = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                                               UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_LEADING_HYPHEN |
                                               UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4;

constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// FNV-1a runs well over short labels but leaves the low bits weak; the murmur finaliser
// spreads them before the table uses them.
constexpr std::uint64_t finish(std::uint64_t h, bool exact) {
  h ^= exact ? kExactSalt : 0;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

std::uint64_t hash_name(std::string_view name, bool exact) {
  std::uint64_t h = kFnvOffset;
  for (std::size_t i = name.size(); i-- > 0;) h = (h ^ static_cast<unsigned char>(ascii_lower(name[i]))) * kFnvPrime;
  return finish(h, exact);
}

// Free bytes of a block. libstdc++ reserves exactly, but a ref holds only 20 bits of
// offset, so a larger capacity is never used.
std::size_t room(const std::vector<char>& block) { return std::min(block.capacity(), kMaxBlock) - block.size(); }

bool equal_folded(std::string_view rule, std::string_view probe) {
  if (rule.size() != probe.size()) return false;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    if (rule[i] != ascii_lower(probe[i])) return false;
  }
  return true;
}

bool is_ascii(std::string_view s) {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

// One UTS #46 instance for the process. ICU's IDNA objects are immutable and safe to share
// between threads. It is never closed: matchers may run on other threads until exit.
const UIDNA* uts46() {
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
bool to_ascii(std::string_view name, char* out, std::size_t capacity, std::string_view& ascii) {
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
bool canonical(std::string_view& name, char* scratch) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  if (!is_ascii(name)) {
    if (!to_ascii(name, scratch, kIdnaCapacity, name)) return false;
    // An ideographic full stop at the end maps to a trailing dot.
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  }
  return !name.empty() && name.size() <= kMaxDomainLength;
}

}  // namespace

std::size_t DomainMatcher::memory_bytes() const {
  std::size_t bytes = slots_.capacity() * sizeof(std::uint64_t) + blocks_.capacity() * sizeof(std::vector<char>);
  for (const std::vector<char>& b : blocks_) bytes += b.capacity();
  return bytes;
}

const char* DomainMatcher::entry(std::uint32_t ref) const {
  return blocks_[ref >> kBlockShift].data() + (ref & (kMaxBlock - 1));
}

const char* DomainMatcher::find(std::uint64_t hash, std::string_view name, bool exact) const {
  if (slots_.empty()) return nullptr;
  const std::uint64_t tag = hash >> 32;
  const std::size_t size = slots_.size();
  for (std::size_t i = static_cast<std::size_t>(((hash & 0xffffffffULL) * size) >> 32);;) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return nullptr;
    if ((slot >> 32) == tag) {
      const char* e = entry(static_cast<std::uint32_t>(slot) - 1);
      const std::size_t length = static_cast<unsigned char>(e[0]);
      if ((e[1] != 0) == exact && equal_folded(std::string_view(e + kEntryHeader, length), name)) return e;
    }
    if (++i == size) i = 0;
  }
}

void DomainMatcher::insert_slot(std::uint64_t hash, std::uint32_t ref) {
  const std::size_t size = slots_.size();
  for (std::size_t i = static_cast<std::size_t>(((hash & 0xffffffffULL) * size) >> 32);;) {
    if (slots_[i] == 0) {
      slots_[i] = ((hash >> 32) << 32) | (static_cast<std::uint64_t>(ref) + 1);
      return;
    }
    if (++i == size) i = 0;
  }
}

std::uint32_t DomainMatcher::append(std::string_view name, bool exact, std::uint32_t target) {
  const std::size_t need = kEntryHeader + name.size();
  if (blocks_.empty() || room(blocks_.back()) < need) {
    // Blocks double up to 1 MiB, so a small matcher stays small and a large one wastes
    // at most one partly filled block.
    const std::size_t size = blocks_.empty() ? kFirstBlock : std::min(kMaxBlock, blocks_.back().capacity() * 2);
    blocks_.emplace_back().reserve(size);
  }
  std::vector<char>& block = blocks_.back();
  const auto ref = static_cast<std::uint32_t>(((blocks_.size() - 1) << kBlockShift) | block.size());
  block.push_back(static_cast<char>(name.size()));
  block.push_back(exact ? 1 : 0);
  char bytes[4];
  std::memcpy(bytes, &target, sizeof bytes);
  block.insert(block.end(), bytes, bytes + sizeof bytes);
  for (char c : name) block.push_back(ascii_lower(c));
  return ref;
}

void DomainMatcher::grow() {
  // Growing by half keeps the load between 0.47 and 0.7: misses end within a cache line or
  // two, and a table of millions of rules wastes less than doubling would.
  const std::size_t size = std::max<std::size_t>(16, slots_.size() + slots_.size() / 2);
  slots_.assign(size, 0);
  for (std::size_t b = 0; b < blocks_.size(); ++b) {
    const std::vector<char>& block = blocks_[b];
    for (std::size_t off = 0; off < block.size();) {
      const std::size_t length = static_cast<unsigned char>(block[off]);
      const std::string_view name(block.data() + off + kEntryHeader, length);
      insert_slot(hash_name(name, block[off + 1] != 0), static_cast<std::uint32_t>((b << kBlockShift) | off));
      off += kEntryHeader + length;
    }
  }
}

bool DomainMatcher::add(std::string_view domain, bool exact, std::uint32_t target) {
  std::array<char, kIdnaCapacity> scratch;
  if (!canonical(domain, scratch.data())) return false;
  const std::uint64_t hash = hash_name(domain, exact);
  // The first rule for a name keeps it, so adding the same orders twice changes nothing.
  if (find(hash, domain, exact) != nullptr) return true;
  if (blocks_.size() >= kMaxBlocks && room(blocks_.back()) < kEntryHeader + domain.size()) return false;
  const std::uint32_t ref = append(domain, exact, target);
  ++count_;
  if (!exact) {
    const auto labels = static_cast<std::size_t>(std::count(domain.begin(), domain.end(), '.')) + 1;
    suffix_labels_ |= std::uint64_t{1} << std::min<std::size_t>(labels - 1, 63);
  }
  if (count_ * 10 > slots_.size() * 7) {
    grow();
  } else {
    insert_slot(hash, ref);
  }
  return true;
}

std::optional<MatchHit> DomainMatcher::match(std::string_view host) const {
  if (count_ == 0) return std::nullopt;
  // A per-thread buffer keeps the Unicode path free of allocation by us and match() const
  // and thread-safe; the ASCII path never touches it.
  thread_local std::array<char, kIdnaCapacity> scratch;
  if (!canonical(host, scratch.data())) return std::nullopt;
  // One right-to-left pass gives the hash of every suffix on a label boundary (253 bytes
  // hold at most 253 boundaries, empty labels counted), shortest first.
  std::array<std::uint64_t, kMaxDomainLength + 1> hashes;
  std::array<std::uint8_t, kMaxDomainLength + 1> starts;
  std::size_t n = 0;
  std::size_t labels = 0;
  std::uint64_t h = kFnvOffset;
  for (std::size_t i = host.size(); i-- > 0;) {
    h = (h ^ static_cast<unsigned char>(ascii_lower(host[i]))) * kFnvPrime;
    if (i != 0 && host[i - 1] != '.') continue;
    // Only suffixes with as many labels as some suffix rule has can be one.
    if ((suffix_labels_ >> std::min<std::size_t>(labels++, 63)) & 1) {
      hashes[n] = finish(h, false);
      starts[n++] = static_cast<std::uint8_t>(i);
    }
  }
  const std::uint64_t exact_hash = finish(h, true);
  // In a large table every probe is a cache miss; asking for all their slots at once lets
  // the misses overlap instead of queueing one behind the other.
  const std::size_t size = slots_.size();
  const auto home = [size](std::uint64_t x) { return static_cast<std::size_t>(((x & 0xffffffffULL) * size) >> 32); };
  __builtin_prefetch(&slots_[home(exact_hash)]);
  for (std::size_t k = 0; k < n; ++k) __builtin_prefetch(&slots_[home(hashes[k])]);
  const auto hit = [](const char* e, bool exact) {
    std::uint32_t target;
    std::memcpy(&target, e + 2, sizeof target);
    return MatchHit{target, std::string_view(e + kEntryHeader, static_cast<unsigned char>(e[0])), exact};
  };
  // An exact rule is the most specific statement about a name; then the longest suffix
  // wins, so the first found, longest first, is the answer.
  if (const char* e = find(exact_hash, host, true)) return hit(e, true);
  for (std::size_t k = n; k-- > 0;) {
    if (const char* e = find(hashes[k], host.substr(starts[k]), false)) return hit(e, starts[k] == 0);
  }
  return std::nullopt;
}

}  // namespace interdict
