// DomainMatcher: every suffix that starts on a label boundary, and has as many labels as
// some suffix rule, is hashed and is one probe of a bucketed table. A name with a non-ASCII byte is first
// put in its ASCII (A-label) form by ICU's UTS #46 processing, on both sides.
//
// Why buckets of entries rather than slots pointing at text: in a table larger than the
// cache, a slot then its rule's text are two dependent memory misses for every hit. Here a
// probe reads its bucket's 8-byte header (the headers are a twelfth of the text, so they
// stay in cache longer), and only when the header's filter passes, the entries, which hold
// the text itself: a hit costs one miss past the header, most misses none. Entries sit
// back to back, so no space is left empty for a load factor.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>

#include "base/ascii.h"
#include "match/domain_name.h"
#include "match/match.h"

namespace interdict {
namespace {

using namespace domain_name;  // the name forms and hashes this file alone uses

constexpr std::size_t kEntryHeader = 6;  // length, exact | fingerprint, target
// Rules per bucket on average: the headers cost 2 bytes a rule, a bucket about 100 bytes
// of entries (two cache lines) to read on a hit.
constexpr std::size_t kRulesPerBucket = 4;
constexpr std::size_t kMaxText = 0xffffffffULL;  // offsets are 32 bits

// The bucket of a hash among `count`, by multiply-shift on the high half, so the count
// need not be a power of two.
std::size_t bucket_of(std::uint64_t hash, std::size_t count) {
  return static_cast<std::size_t>(((hash >> 32) * count) >> 32);
}

// Two filter bits and the entry's kind-and-fingerprint byte come from the low half.
std::uint32_t filter_bits(std::uint64_t hash) {
  return (std::uint32_t{1} << ((hash >> 8) & 31)) | (std::uint32_t{1} << ((hash >> 13) & 31));
}

std::uint64_t load_word(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// 0x80 in each byte of `w` that is '.', 0 in the others (exactly: no borrow between bytes).
std::uint64_t dot_bytes(std::uint64_t w) {
  constexpr std::uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;
  const std::uint64_t x = w ^ 0x2e2e2e2e2e2e2e2eULL;  // '.' bytes become 0
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// Whether rule text `a` (lowercase) is `b` lowercased, a word at a time: a library memcmp
// call costs more than the compare of a 20-byte name.
bool same_name(const char* a, const char* b, std::size_t length) {
  std::size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    if (load_word(a + i) != ascii_lower_word(load_word(b + i))) return false;
  }
  for (; i < length; ++i) {
    if (a[i] != ascii_lower(b[i])) return false;
  }
  return true;
}

char meta_of(std::uint64_t hash, bool exact) { return static_cast<char>((hash & 0xfe) | (exact ? 1 : 0)); }

}  // namespace

DomainMatcher::DomainMatcher(const DomainMatcher& other) { *this = other; }

DomainMatcher& DomainMatcher::operator=(const DomainMatcher& other) {
  if (this == &other) return *this;
  other.seal();
  pending_.clear();
  text_ = other.text_;
  buckets_ = other.buckets_;
  count_ = other.count_;
  suffix_labels_ = other.suffix_labels_;
  sealed_.store(true, std::memory_order_release);
  return *this;
}

std::size_t DomainMatcher::size() const {
  seal();
  return count_;
}

std::size_t DomainMatcher::memory_bytes() const {
  seal();
  return text_.capacity() + buckets_.capacity() * sizeof(Bucket) + pending_.capacity();
}

bool DomainMatcher::add(std::string_view domain, bool exact, std::uint32_t target) {
  std::array<char, kIdnaCapacity> scratch;
  if (!canonical(domain, scratch.data())) return false;
  const std::size_t need = kEntryHeader + domain.size();
  if (text_.size() + pending_.size() + need > kMaxText) return false;
  // A duplicate is dropped when the buckets are built, so adding costs no lookup here.
  std::array<char, kMaxDomainLength> lower;
  ascii_lower_copy(domain.data(), domain.size(), lower.data());
  const std::string_view name(lower.data(), domain.size());
  pending_.push_back(static_cast<char>(domain.size()));
  pending_.push_back(meta_of(hash_name(name, exact), exact));
  char bytes[4];
  std::memcpy(bytes, &target, sizeof bytes);
  pending_.insert(pending_.end(), bytes, bytes + sizeof bytes);
  pending_.insert(pending_.end(), name.begin(), name.end());
  if (!exact) {
    // Counted as match() counts a suffix's labels: by the label starts, so a dot at the end
    // (of a name that ended in two) starts none.
    const auto labels = static_cast<std::size_t>(std::count(domain.begin(), domain.end() - 1, '.')) + 1;
    suffix_labels_ |= std::uint64_t{1} << std::min<std::size_t>(labels - 1, 63);
  }
  sealed_.store(false, std::memory_order_relaxed);
  return true;
}

void DomainMatcher::seal() const {
  if (sealed_.load(std::memory_order_acquire)) return;
  std::lock_guard<std::mutex> lock(seal_mutex_);
  if (sealed_.load(std::memory_order_relaxed)) return;
  // Every entry, the sealed ones first: `order` is the order of adding, so that of equal
  // rules the first added is the one kept.
  struct Item {
    std::uint32_t bucket;
    std::uint32_t order;
    const char* entry;
  };
  std::vector<Item> items;
  std::size_t total = 0;
  for (const std::vector<char>* part : {&text_, &pending_}) {
    for (std::size_t off = 0; off < part->size(); off += kEntryHeader + static_cast<unsigned char>((*part)[off]))
      ++total;
  }
  const std::size_t bucket_count = total / kRulesPerBucket + 1;
  items.reserve(total);
  for (const std::vector<char>* part : {&text_, &pending_}) {
    for (std::size_t off = 0; off < part->size();) {
      const char* e = part->data() + off;
      const std::size_t length = static_cast<unsigned char>(e[0]);
      const std::uint64_t hash = hash_name(std::string_view(e + kEntryHeader, length), (e[1] & 1) != 0);
      items.push_back(
          Item{static_cast<std::uint32_t>(bucket_of(hash, bucket_count)), static_cast<std::uint32_t>(items.size()), e});
      off += kEntryHeader + length;
    }
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.bucket != b.bucket ? a.bucket < b.bucket : a.order < b.order;
  });
  std::vector<char> text;
  text.reserve(text_.size() + pending_.size());
  std::vector<Bucket> buckets(bucket_count + 1);
  std::size_t count = 0;
  for (std::size_t i = 0, b = 0; b < bucket_count; ++b) {
    buckets[b].offset = static_cast<std::uint32_t>(text.size());
    for (; i < items.size() && items[i].bucket == b; ++i) {
      const char* e = items[i].entry;
      const std::size_t size = kEntryHeader + static_cast<unsigned char>(e[0]);
      // The same name and kind added before, in this bucket already: the first keeps it.
      bool seen = false;
      for (std::size_t off = buckets[b].offset; off < text.size() && !seen;) {
        const std::size_t other = kEntryHeader + static_cast<unsigned char>(text[off]);
        seen = other == size && text[off + 1] == e[1] &&
               std::memcmp(text.data() + off + kEntryHeader, e + kEntryHeader, size - kEntryHeader) == 0;
        off += other;
      }
      if (seen) continue;
      const std::string_view name(e + kEntryHeader, size - kEntryHeader);
      buckets[b].filter |= filter_bits(hash_name(name, (e[1] & 1) != 0));
      text.insert(text.end(), e, e + size);
      ++count;
    }
  }
  buckets[bucket_count].offset = static_cast<std::uint32_t>(text.size());
  text.shrink_to_fit();
  text_ = std::move(text);
  buckets_ = std::move(buckets);
  std::vector<char>().swap(pending_);
  count_ = count;
  sealed_.store(true, std::memory_order_release);
}

const char* DomainMatcher::find(std::uint64_t hash, std::string_view name, bool exact) const {
  const std::size_t b = bucket_of(hash, buckets_.size() - 1);
  const std::uint32_t bits = filter_bits(hash);
  if ((buckets_[b].filter & bits) != bits) return nullptr;
  const char meta = meta_of(hash, exact);
  const char* e = text_.data() + buckets_[b].offset;
  const char* end = text_.data() + buckets_[b + 1].offset;
  while (e < end) {
    const std::size_t length = static_cast<unsigned char>(e[0]);
    if (length == name.size() && e[1] == meta && same_name(e + kEntryHeader, name.data(), length)) return e;
    e += kEntryHeader + length;
  }
  return nullptr;
}

std::optional<MatchHit> DomainMatcher::match(std::string_view host) const {
  seal();
  if (count_ == 0) return std::nullopt;
  // A per-thread buffer keeps the Unicode path free of allocation by us and match() const
  // and thread-safe; the ASCII path never touches it.
  thread_local std::array<char, kIdnaCapacity> scratch;
  if (!canonical(host, scratch.data())) return std::nullopt;
  // The name is hashed and compared lowercased as it is read, not copied lowercase first:
  // reading the copy back in words that straddle the bytes just stored waits on each store.
  // The suffixes on a label boundary, longest first, and the hash of each with as many
  // labels as some suffix rule has (only those can be one). A dot ending the name (of a
  // name that ended in two) starts no label.
  std::array<std::uint8_t, kMaxDomainLength> label_starts;
  std::size_t labels = 0;
  label_starts[labels++] = 0;
  // Dots are found eight bytes at a time: a byte loop's branch on each byte, mispredicted
  // where the dots of one name differ from the last's, was a quarter of a lookup.
  const std::size_t limit = host.size() - 1;  // a dot at the end starts no label
  const auto add_dots = [&](std::uint64_t dots, std::size_t base) {
    for (; dots != 0; dots &= dots - 1) {
      label_starts[labels++] =
          static_cast<std::uint8_t>(base + static_cast<std::size_t>(__builtin_ctzll(dots)) / 8 + 1);
    }
  };
  std::size_t i = 0;
  for (; i + 8 <= limit; i += 8) add_dots(dot_bytes(load_word(host.data() + i)), i);
  if (i < limit) {
    if (limit >= 8) {
      // The last eight bytes before the limit, without those the loop read.
      const std::size_t base = limit - 8;
      add_dots(dot_bytes(load_word(host.data() + base)) & (~std::uint64_t{0} << (8 * (i - base))), base);
    } else {
      for (; i < limit; ++i) {
        if (host[i] == '.') label_starts[labels++] = static_cast<std::uint8_t>(i + 1);
      }
    }
  }
  std::array<std::uint64_t, kMaxDomainLength> hashes;
  std::array<std::uint8_t, kMaxDomainLength> starts;
  std::size_t n = 0;
  // The whole name's text hash serves its exact probe and, when some suffix rule has as many
  // labels, its suffix probe: only the finish differs.
  const std::uint64_t whole = hash_text(host, ascii_lower_word);
  for (std::size_t k = 0; k < labels; ++k) {
    if (((suffix_labels_ >> std::min<std::size_t>(labels - k - 1, 63)) & 1) == 0) continue;
    const std::size_t start = label_starts[k];
    hashes[n] = finish(start == 0 ? whole : hash_text(host.substr(start), ascii_lower_word), false);
    starts[n++] = static_cast<std::uint8_t>(start);
  }
  const std::string_view name = host;
  const std::uint64_t exact_hash = finish(whole, true);
  // In a large table every probe is a cache miss; asking for all their buckets at once lets
  // the misses overlap instead of queueing one behind the other.
  const std::size_t count = buckets_.size() - 1;
  __builtin_prefetch(&buckets_[bucket_of(exact_hash, count)]);
  for (std::size_t k = 0; k < n; ++k) __builtin_prefetch(&buckets_[bucket_of(hashes[k], count)]);
  const auto hit = [](const char* e, bool exact) {
    std::uint32_t target;
    std::memcpy(&target, e + 2, sizeof target);
    return MatchHit{target, std::string_view(e + kEntryHeader, static_cast<unsigned char>(e[0])), exact};
  };
  // An exact rule is the most specific statement about a name; then the longest suffix
  // wins, so the first found, longest first, is the answer.
  if (const char* e = find(exact_hash, name, true)) return hit(e, true);
  for (std::size_t k = 0; k < n; ++k) {
    if (const char* e = find(hashes[k], name.substr(starts[k]), false)) return hit(e, starts[k] == 0);
  }
  return std::nullopt;
}

}  // namespace interdict
