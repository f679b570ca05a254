// libFuzzer target for the way round ICU in the Latin reading (latin_reading.h): wherever
// to_latin_fast takes a text, its reading must be the transliterator's. The first byte
// picks the text: even, the rest as UTF-8; odd, each two bytes after it one character of
// those the way round meets (a space, a word mark, an ASCII letter or digit, an ideograph
// of the unified block), so that most texts are ones it takes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "names/latin_reading.h"

namespace {

icu::UnicodeString picked(const std::uint8_t* data, std::size_t size) {
  icu::UnicodeString text;
  for (std::size_t i = 0; i + 1 < size; i += 2) {
    const unsigned kind = data[i] % 8;
    const unsigned which = (static_cast<unsigned>(data[i] / 8) << 8) | data[i + 1];
    if (kind == 0) {
      text.append(u' ');
    } else if (kind == 1) {
      text.append(u'|');
    } else if (kind == 2) {
      text.append(static_cast<char16_t>(u'a' + which % 26));
    } else if (kind == 3) {
      text.append(static_cast<char16_t>(u'0' + which % 10));
    } else {
      text.append(static_cast<UChar32>(0x4E00 + which % 0x5200));
    }
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const icu::UnicodeString text = (data[0] & 1) == 0
                                      ? icu::UnicodeString::fromUTF8(icu::StringPiece(
                                            reinterpret_cast<const char*>(data + 1), static_cast<int32_t>(size - 1)))
                                      : picked(data + 1, size - 1);
  icu::UnicodeString fast;
  if (!interdict::to_latin_fast(text, fast)) return 0;
  icu::UnicodeString slow = text;
  interdict::to_latin_icu(slow);
  if (fast != slow) std::abort();
  return 0;
}
