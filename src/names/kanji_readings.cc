// Two-kanji names read by their characters' KANJIDIC readings (see kanji_readings.h).
//
// A KANJIDIC line is the kanji, then space-separated fields: codes that begin with an
// ASCII letter or digit (U: the Unicode code point, in hex), the on'yomi in katakana, the kun'yomi in hiragana (a dot
// marks where the okurigana begin, a hyphen a prefix or suffix use), then after "T1" the nanori (name readings) and
// after "T2" radical names, and the English meanings in braces.
#include "names/kanji_readings.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
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

// Adds `reading` to `to` unless it is there or `to` holds `cap` already.
void add_unique(std::vector<std::string>& to, std::string reading, std::size_t cap) {
  if (!reading.empty() && to.size() < cap && std::find(to.begin(), to.end(), reading) == to.end())
    to.push_back(std::move(reading));
}

// A reading field in EUC-JP as katakana in UTF-8, and whether it was written in katakana
// (an on'yomi). JIS X 0208 rows 4 and 5, hiragana and katakana, map to Unicode in order, so
// no converter is needed. Hyphens (a prefix or suffix use: -ぎ.め, ひと-) are dropped, and
// the okurigana after the dot. Empty for anything else.
std::string euc_kana(std::string_view field, bool& on) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const auto lead = static_cast<unsigned char>(field[i]);
    if (lead == '-') continue;
    if (lead == '.') break;
    if ((lead != 0xA4 && lead != 0xA5) || i + 1 >= field.size()) return {};
    const auto trail = static_cast<unsigned char>(field[++i]);
    if (trail < 0xA1 || trail > 0xF6) return {};
    if (out.empty()) on = lead == 0xA5;
    const UChar32 c = 0x30A1 + (trail - 0xA1);  // katakana either way
    char buffer[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buffer, len, c);
    out.append(buffer, static_cast<std::size_t>(len));
  }
  return out;
}

// Adds `line`'s readings to `table`; false when the line names no character (no U field
// past the first), which the caller counts as skipped.
bool read_line(std::string_view line, Table& table) {
  KanjiReadings* entry = nullptr;
  bool kanji = true;  // the first field is the character in EUC-JP; its U field names it
  while (!line.empty()) {
    const auto space = line.find(' ');
    const std::string_view field = line.substr(0, space);
    line.remove_prefix(space == std::string_view::npos ? line.size() : space + 1);
    if (field.empty()) continue;
    if (kanji) {
      kanji = false;
      continue;
    }
    // The nanori (name readings) are left out: IPAdic's person entries hold the names read
    // so, and each would multiply the readings a query is searched by.
    if (field == "T1" || field == "T2" || field.front() == '{') break;
    if (field.front() == 'U' && entry == nullptr) {
      const auto code = std::strtoul(std::string(field.substr(1)).c_str(), nullptr, 16);
      if (code > 0x7F && code <= 0x10FFFF) entry = &table[static_cast<char32_t>(code)];
      continue;
    }
    if (entry == nullptr) continue;  // codes (B4, Yshou4) are not kana and read as empty
    bool on = false;
    std::string reading = euc_kana(field, on);
    add_unique(on ? entry->on : entry->kun, std::move(reading), kMaxRank);
  }
  return entry != nullptr;
}

// The readings of KANJIDIC text; `skipped` counts the lines that named no character
// (comments, the # header, aside).
Table parse(std::string_view text, std::size_t& skipped) {
  Table made;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (!line.empty() && line.front() != '#' && !read_line(line, made)) ++skipped;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return made;
}

const Table& table() {
  static const Table t = [] {
    std::ifstream in(INTERDICT_KANJIDIC, std::ios::binary | std::ios::ate);
    if (!in) return Table{};
    std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return Table{};
    std::size_t skipped = 0;
    return parse(bytes, skipped);
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

KanjidicParse parse_kanjidic(std::string_view text) {
  KanjidicParse out;
  const Table t = parse(text, out.skipped_lines);
  out.characters = t.size();
  for (const auto& [c, r] : t) out.readings += r.on.size() + r.kun.size();
  return out;
}

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
  auto add = [&](const std::string& x, const std::string& y) { add_unique(out, x + y, kMaxComposed); };
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
