// The hosting scan's host side: normalise_host, which turns a record's host into the name
// that is matched, and LabelGate, the designated names' last labels in front of the domain
// matcher. Internal to scan_hosting*.cc; declared in scan_hosting_worker.h.
#include <emmintrin.h>

#include <algorithm>
#include <cstring>

#include "cli/scan_hosting_worker.h"
#include "match/flat_map.h"

namespace interdict::cli {
namespace {
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
    for (std::size_t at = hash_text(keys_[i]) & (size - 1);; at = (at + 1) & (size - 1)) {
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
  for (std::size_t at = hash_text(key) & mask; slots_[at] != 0; at = (at + 1) & mask) {
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

}  // namespace interdict::cli
