// Two-kanji names read by their characters' KANJIDIC readings (see kanji_readings.h).
//
// A KANJIDIC line is the kanji, then space-separated fields: codes that begin with an
// ASCII letter or digit, the on'yomi in katakana, the kun'yomi in hiragana (a dot marks
// where the okurigana begin, a hyphen a prefix or suffix use), then after "T1" the nanori
// (name readings) and after "T2" radical names, and the English meanings in braces.
#include "names/kanji_readings.h"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_map>

namespace interdict {
namespace {

struct KanjiReadings {
  std::vector<std::string> on;   // katakana
  std::vector<std::string> kun;  // katakana, the stem before the okurigana
};

using Table = std::unordered_map<char32_t, KanjiReadings>;

// A character's readings past its first two are rare in names.
constexpr std::size_t kMaxRank = 2;

// Hiragana as katakana, so that every reading is read by the katakana table.
std::string as_katakana(std::string_view hiragana) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(hiragana.data(), static_cast<int32_t>(hiragana.size())));
  for (int32_t i = 0; i < text.length(); ++i) {
    const char16_t c = text.charAt(i);
    if (c >= 0x3041 && c <= 0x3096) text.setCharAt(i, static_cast<char16_t>(c + 0x60));
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

void add_unique(std::vector<std::string>& to, std::string reading) {
  if (!reading.empty() && std::find(to.begin(), to.end(), reading) == to.end()) to.push_back(std::move(reading));
}

void read_line(std::string_view line, Table& table) {
  const auto n = static_cast<int32_t>(line.size());
  int32_t i = 0;
  UChar32 kanji = 0;
  U8_NEXT(line.data(), i, n, kanji);
  if (kanji <= 0x7F) return;
  KanjiReadings& entry = table[static_cast<char32_t>(kanji)];
  std::istringstream fields{std::string(line.substr(static_cast<std::size_t>(i)))};
  for (std::string field; fields >> field;) {
    // The nanori (name readings) are left out: IPAdic's person entries hold the names read
    // so, and each would multiply the readings a query is searched by.
    if (field == "T1" || field == "T2" || field.front() == '{') break;
    if (static_cast<unsigned char>(field.front()) < 0x80 && field.front() != '-') continue;
    // Suffix and prefix uses (-ぎ.め, ひと-) are readings too; the okurigana are not.
    std::erase(field, '-');
    field = field.substr(0, field.find('.'));
    if (field.empty()) continue;
    UChar32 first = 0;
    int32_t at = 0;
    U8_NEXT(field.data(), at, static_cast<int32_t>(field.size()), first);
    const bool katakana = first >= 0x30A0 && first <= 0x30FF;
    if (katakana)
      add_unique(entry.on, field);
    else
      add_unique(entry.kun, as_katakana(field));
  }
}

const Table& table() {
  static const Table t = [] {
    Table made;
    std::ifstream in(INTERDICT_KANJIDIC, std::ios::binary);
    if (!in) return made;
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), "EUC-JP");
    std::string utf8;
    text.toUTF8String(utf8);
    std::string_view rest = utf8;
    while (!rest.empty()) {
      const auto end = rest.find('\n');
      const std::string_view line = rest.substr(0, end);
      if (!line.empty() && line.front() != '#') read_line(line, made);
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
    return made;
  }();
  return t;
}

// Rendaku: the second part's first kana voiced (カ -> ガ, ハ -> バ). In katakana a voiced
// kana is the code point after its unvoiced one for the k, s, t and h rows.
std::string voiced(std::string_view katakana) {
  const auto n = static_cast<int32_t>(katakana.size());
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(katakana.data(), i, n, c);
  const bool k_s_t = c >= 0x30AB && c <= 0x30C8 && (c <= 0x30C2 ? (c - 0x30AB) % 2 == 0 : (c - 0x30C4) % 2 == 0);
  const bool h = c >= 0x30CF && c <= 0x30DD && (c - 0x30CF) % 3 == 0;
  if (!k_s_t && !h) return {};
  std::string out;
  char buffer[4];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buffer, len, c + 1);
  out.append(buffer, static_cast<std::size_t>(len));
  out.append(katakana.substr(static_cast<std::size_t>(i)));
  return out;
}

}  // namespace

bool kanjidic_loaded() { return !table().empty(); }

std::vector<std::string> composed_kanji_readings(std::string_view word) {
  std::vector<std::string> out;
  const auto n = static_cast<int32_t>(word.size());
  int32_t i = 0;
  UChar32 a = 0;
  UChar32 b = 0;
  U8_NEXT(word.data(), i, n, a);
  if (i >= n) return out;
  U8_NEXT(word.data(), i, n, b);
  if (i != n || a < 0 || b < 0) return out;
  const Table& t = table();
  const auto first = t.find(static_cast<char32_t>(a));
  const auto second = t.find(static_cast<char32_t>(b));
  if (first == t.end() || second == t.end()) return out;
  auto add = [&](const std::string& x, const std::string& y) {
    if (out.size() < kMaxComposed) add_unique(out, x + y);
  };
  // KANJIDIC lists a character's common readings first: pairs go by the sum of their
  // readings' ranks, and within a rank the Sino-Japanese pair, then the native pair voiced
  // (rendaku is the rule in compound names: 山極 Yamagiwa, 中島 Nakajima), then plain.
  const KanjiReadings& x = first->second;
  const KanjiReadings& y = second->second;
  for (std::size_t rank = 0; rank < 2 * kMaxRank - 1; ++rank)
    for (std::size_t i = 0; i <= rank && i < kMaxRank; ++i) {
      const std::size_t j = rank - i;
      if (j >= kMaxRank) continue;
      if (i < x.on.size() && j < y.on.size()) add(x.on[i], y.on[j]);
      if (i < x.kun.size() && j < y.kun.size()) {
        if (const std::string v = voiced(y.kun[j]); !v.empty()) add(x.kun[i], v);
        add(x.kun[i], y.kun[j]);
      }
    }
  return out;
}

}  // namespace interdict
