// Han names read an ideograph at a time, each reading asked of ICU once per thread.
//
// ICU's Han-Latin transliterator tries its rules one by one and costs 80-100 us a name.
// Its rules (Transliterator::toRules of "Han-Latin") are a syllable per ideograph, but for
// four read by what follows (藏文 zang wen, 重庆 chong qing, 沈阳 shen yang, 秘鲁 bi lu),
// and the Han-Spacedhan step before them puts a space between ideographs, so in a name of
// ideographs each is a token of its own, read as it is read alone. Where an ideograph
// touches an ASCII letter or digit, ICU joins them ("腾讯abc" is "teng xunabc"), and other
// characters have rules of their own (〇〇 is "lingling"): such names are left to ICU whole.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "base/ideograph_readings.h"
#include "match/name_tokens.h"

namespace interdict::name_detail {
namespace {

// Ideographs whose reading depends on the next one, in ICU's Han-Latin rules.
constexpr char32_t kReadByContext[] = {0x85CF, 0x91CD, 0x6C88, 0x79D8};  // 藏 重 沈 秘
static_assert(IdeographReadings::kFirst == kFirstIdeograph && IdeographReadings::kLast == kLastIdeograph);

IdeographReadings& thread_readings() {
  thread_local IdeographReadings readings = [] {
    IdeographReadings made;
    for (const char32_t c : kReadByContext) made.mark_unreadable(c);
    return made;
  }();
  return readings;
}

}  // namespace

bool append_han_tokens(std::string_view name, std::size_t from, Tokens& out, ReadIdeograph read, const void* context) {
  enum class Last { kSeparator, kAlnum, kIdeograph };
  std::size_t n = out.text.size();
  std::size_t last_end = out.ends.empty() ? 0 : out.ends.back();
  // The ASCII before `from` ended in a letter or digit when its last token is still open.
  Last last = n > last_end ? Last::kAlnum : Last::kSeparator;
  bool any_ideograph = false;
  IdeographReadings& readings = thread_readings();  // once a name: each use of a thread_local checks its set-up
  // Written through a local pointer and count into room made once: an ASCII byte writes at
  // most one byte, and an ideograph's three bytes at most kMaxReading (but copies kRoom).
  constexpr std::size_t kMaxReading = IdeographReadings::kMaxReading;
  constexpr std::size_t kRoom = IdeographReadings::kRoom;
  const std::size_t rest = name.size() - from;
  out.text.resize(n + rest / 3 * kMaxReading + rest % 3 + (kRoom - kMaxReading));
  char* p = out.text.data();
  // Each token's ideograph, pushed with its end: the ASCII tokens before `from` read none.
  out.ideographs.resize(out.ends.size());  // empty before: out was cleared for this name
  for (std::size_t i = from; i < name.size();) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte < 0x80) {
      const char folded = kAsciiFold[byte];
      if (folded == 0) {
        if (n > last_end) {
          out.ends.push_back(static_cast<std::uint32_t>(n));
          out.ideographs.push_back(0);
          last_end = n;
        }
        last = Last::kSeparator;
      } else {
        if (last == Last::kIdeograph) return false;
        p[n++] = folded;
        last = Last::kAlnum;
      }
      ++i;
      continue;
    }
    // Only three-byte sequences can be ideographs of these blocks.
    if ((byte & 0xf0) != 0xe0 || i + 3 > name.size()) return false;
    const auto b1 = static_cast<unsigned char>(name[i + 1]);
    const auto b2 = static_cast<unsigned char>(name[i + 2]);
    if ((b1 & 0xc0) != 0x80 || (b2 & 0xc0) != 0x80) return false;
    const char32_t c = static_cast<char32_t>((byte & 0x0f) << 12 | (b1 & 0x3f) << 6 | (b2 & 0x3f));
    if (!IdeographReadings::covers(c) || last == Last::kAlnum) return false;
    const std::string_view reading =
        readings.reading_of(c, [&](char32_t one, std::string& r) { return read(context, one, r); });
    if (reading.empty()) return false;
    // The ideograph is a token of its own: what came before it ended at a separator or an
    // ideograph (an ASCII letter or digit returned above), so only its own end is marked.
    std::memcpy(p + n, reading.data(), kRoom);  // the bytes past the reading are overwritten or cut
    n += reading.size();
    out.ends.push_back(static_cast<std::uint32_t>(n));
    out.ideographs.push_back(ideograph_slot(c));
    last_end = n;
    last = Last::kIdeograph;
    any_ideograph = true;
    i += 3;
  }
  out.text.resize(n);
  out.end_token();
  if (out.ideographs.size() < out.ends.size()) out.ideographs.push_back(0);
  return any_ideograph;
}

}  // namespace interdict::name_detail
