// IdeographReadings: each CJK ideograph's reading alone, asked of a transliterator once and
// kept, for the two paths that read a name in Han an ideograph at a time (the order
// matcher's name tokens, match/name_han.cc; the name screener's Latin reading,
// names/latin_reading.cc).
//
// Why: ICU's Han-Latin tries its ~1,400 rules, most of them sets of hundreds of
// ideographs, at every ideograph (25-100 us a name), while it reads nearly every ideograph
// alone, one syllable each. Why a dense table and not a map: a name's ideographs are asked
// one after another on a hot path, and a slot per code point is one load; the table
// (27,648 slots, 108 KB) is made once per thread.
//
// Thread-safety: not thread-safe; one per thread (each user keeps a thread_local one).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interdict {

class IdeographReadings {
 public:
  // The ideographs kept: CJK Unified Ideographs Extension A (3400-4DBF) and CJK Unified
  // Ideographs (4E00-9FFF). Others (the extensions past the BMP, compatibility forms) are
  // read with the name, whole.
  static constexpr char32_t kFirst = 0x3400;
  static constexpr char32_t kLast = 0x9FFF;
  // The longest reading kept (a slot holds its length in four bits), and the room each is
  // kept in: a caller may copy kRoom bytes from a reading's start, two moves where a copy
  // of the reading's own size is a library call.
  static constexpr std::size_t kMaxReading = 14;
  static constexpr std::size_t kRoom = 16;

  // The code points between the two blocks start unreadable.
  IdeographReadings() {
    for (char32_t c = kExtensionAEnd + 1; c < kUnified; ++c) slot_[c - kFirst] = kUnreadable;
  }

  [[nodiscard]] static constexpr bool covers(char32_t c) { return c >= kFirst && c <= kLast; }

  // Marks ideograph `c` as not read alone: the transliterator reads it by its neighbours
  // (重 in 重庆). REQUIRES: covers(c).
  void mark_unreadable(char32_t c) { slot_[c - kFirst] = kUnreadable; }

  // The reading of ideograph `c`, or "" when it is not read alone. On first use asks
  // `read(c, reading)`, which returns false when it cannot read `c`; a reading that is not
  // one token of lowercase ASCII letters and digits, at most kMaxReading long, is not kept
  // either. The view stays valid until the next call; kRoom bytes from its start may be
  // read. REQUIRES: covers(c).
  template <typename Read>
  [[nodiscard]] std::string_view reading_of(char32_t c, Read&& read) {
    std::uint32_t& slot = slot_[c - kFirst];
    if (slot == 0) slot = ask(c, read);
    if (slot == kUnreadable) return {};
    return std::string_view(text_.data() + (slot >> 4) - 1, slot & 0xf);
  }

 private:
  static constexpr char32_t kExtensionAEnd = 0x4DBF;
  static constexpr char32_t kUnified = 0x4E00;
  // A slot: 0 not asked yet, kUnreadable, else (offset + 1) << 4 | length into text_.
  static constexpr std::uint32_t kUnreadable = 0xf;

  template <typename Read>
  std::uint32_t ask(char32_t c, Read& read) {
    std::string r;
    const bool one_token = read(c, r) && !r.empty() && r.size() <= kMaxReading &&
                           r.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos;
    if (!one_token) return kUnreadable;
    const auto slot = static_cast<std::uint32_t>(text_.size() + 1) << 4 | static_cast<std::uint32_t>(r.size());
    r.resize(kRoom);
    text_ += r;
    return slot;
  }

  std::vector<std::uint32_t> slot_ = std::vector<std::uint32_t>(kLast - kFirst + 1, 0);
  std::string text_;
};

}  // namespace interdict
