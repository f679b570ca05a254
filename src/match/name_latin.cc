// Latin names with accents ("Société Générale", "Müller Außenhandel") read a character at a
// time, each character's reading asked of ICU once per thread.
//
// ICU reads such a name whole in 10-30 us: NFKC, then "Any-Latin; Latin-ASCII; Lower", whose
// rules are tried one by one. In a name of ASCII and precomposed Latin letters NFKC has
// nothing to compose (no combining marks: they send the name to ICU), Any-Latin leaves Latin
// as it is, and Latin-ASCII's few rules that look at a neighbour only choose the case of a
// digraph (Æ before a lowercase letter is "Ae", else "AE"), which Lower then erases. So each
// character reads as it reads alone, and its reading joins the token it stands in: "é" in
// "Société" is the "e" of "societe". name_latin_test.cc holds this against ICU itself.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "match/name_tokens.h"

namespace interdict::name_detail {
namespace {

// The characters read here: Latin-1 Supplement and Latin Extended-A and -B (two UTF-8
// bytes), and Latin Extended Additional (Vietnamese, three bytes).
constexpr char32_t kLatinFirst = 0x80;
constexpr char32_t kLatinEnd = 0x250;  // one past Latin Extended-B
constexpr char32_t kAdditionalFirst = 0x1E00;
constexpr char32_t kAdditionalEnd = 0x1F00;
constexpr std::size_t kSlots = (kLatinEnd - kLatinFirst) + (kAdditionalEnd - kAdditionalFirst);
constexpr std::size_t kMaxReading = 14;  // a slot holds the length in four bits

// Each thread's readings: 0 not asked yet, kUnreadable when ICU's reading of the character is
// not ASCII, else (offset + 1) << 4 | length into `text` (a reading may be empty: a soft
// hyphen vanishes, and the letters either side stay one token, as in ICU's reading).
struct Readings {
  static constexpr std::uint32_t kUnreadable = 0xf;
  std::array<std::uint32_t, kSlots> slot{};
  std::string text;
};

Readings& thread_readings() {
  thread_local Readings readings;
  return readings;
}

// The slot of `c`, or kSlots for a character read only with its neighbours (by ICU).
std::size_t slot_of(char32_t c) {
  if (c >= kLatinFirst && c < kLatinEnd) return c - kLatinFirst;
  if (c >= kAdditionalFirst && c < kAdditionalEnd) return (kLatinEnd - kLatinFirst) + (c - kAdditionalFirst);
  return kSlots;
}

// The reading of the character in slot `s`; false when it cannot be read alone.
bool reading_of(Readings& readings, std::size_t s, char32_t c, ReadCharacter read, const void* context,
                std::string_view& reading) {
  std::uint32_t& slot = readings.slot[s];
  if (slot == 0) {
    std::string r;
    bool ascii = read(context, c, r) && r.size() <= kMaxReading;
    for (const char b : r) ascii = ascii && static_cast<unsigned char>(b) < 0x80;
    if (ascii) {
      slot = static_cast<std::uint32_t>(readings.text.size() + 1) << 4 | static_cast<std::uint32_t>(r.size());
      readings.text += r;
    } else {
      slot = Readings::kUnreadable;
    }
  }
  if (slot == Readings::kUnreadable) return false;
  reading = std::string_view(readings.text.data() + (slot >> 4) - 1, slot & 0xf);
  return true;
}

}  // namespace

bool append_latin_tokens(std::string_view name, std::size_t from, Tokens& out, ReadCharacter read,
                         const void* context) {
  Readings& readings = thread_readings();
  // Room is made for the rest as ASCII and one reading more, and grows when a reading is
  // longer than the character it reads.
  std::size_t n = out.text.size();
  std::size_t last_end = out.ends.empty() ? 0 : out.ends.back();
  out.text.resize(n + (name.size() - from) + kMaxReading);
  char* p = out.text.data();
  std::size_t room = out.text.size();
  // Takes the pointer and counts as arguments: a lambda holding references to them would
  // make them live in memory, stored and reloaded at every byte.
  const auto put = [&out](char folded, char* p, std::size_t& n, std::size_t& last_end) {
    if (folded != 0) {
      p[n++] = folded;
    } else if (n > last_end) {
      out.ends.push_back(static_cast<std::uint32_t>(n));
      last_end = n;
    }
  };
  for (std::size_t i = from; i < name.size();) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte < 0x80) {
      put(kAsciiFold[byte], p, n, last_end);
      ++i;
      continue;
    }
    char32_t c = 0;
    if ((byte & 0xe0) == 0xc0 && i + 2 <= name.size()) {
      const auto b1 = static_cast<unsigned char>(name[i + 1]);
      if ((b1 & 0xc0) != 0x80) return false;
      c = static_cast<char32_t>((byte & 0x1f) << 6 | (b1 & 0x3f));
      i += 2;
    } else if ((byte & 0xf0) == 0xe0 && i + 3 <= name.size()) {
      const auto b1 = static_cast<unsigned char>(name[i + 1]);
      const auto b2 = static_cast<unsigned char>(name[i + 2]);
      if ((b1 & 0xc0) != 0x80 || (b2 & 0xc0) != 0x80) return false;
      c = static_cast<char32_t>((byte & 0x0f) << 12 | (b1 & 0x3f) << 6 | (b2 & 0x3f));
      i += 3;
    } else {
      return false;
    }
    const std::size_t s = slot_of(c);
    std::string_view reading;
    if (s == kSlots || !reading_of(readings, s, c, read, context, reading)) return false;
    // The rest still fits as ASCII: room is needed only for what a reading adds.
    if (n + reading.size() + (name.size() - i) > room) {
      out.text.resize(n + reading.size() + (name.size() - i) + kMaxReading);
      p = out.text.data();
      room = out.text.size();
    }
    for (const char r : reading) put(kAsciiFold[static_cast<unsigned char>(r)], p, n, last_end);
  }
  out.text.resize(n);
  out.end_token();
  return true;
}

}  // namespace interdict::name_detail
