// Japanese readings of kanji names from IPAdic through MeCab (see transcribe_kanji.h).
//
// IPAdic's feature string is comma-separated: part of speech, three sub-classes,
// conjugation type and form, base form, reading (katakana), pronunciation. Words MeCab
// does not know come back as "unknown" nodes with no reading; one such part and the word
// gets no Japanese reading, since a guess would read every Chinese name as Japanese.
#include "names/transcribe_kanji.h"

#include <mecab.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

#include "names/kanji_readings.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

// The reading is the eighth field of IPAdic's feature string.
constexpr std::size_t kReadingField = 7;

struct Dictionary {
  std::unique_ptr<MeCab::Model> model;
  std::unique_ptr<MeCab::Tagger> tagger;
};

// Only a UTF-8 dictionary reads our UTF-8 words; Debian's EUC-JP ipadic would misread them.
bool is_utf8_dictionary(const MeCab::Model& model) {
  for (const MeCab::DictionaryInfo* info = model.dictionary_info(); info != nullptr; info = info->next) {
    const std::string_view charset = info->charset != nullptr ? info->charset : "";
    if (charset != "UTF-8" && charset != "utf-8" && charset != "utf8" && charset != "UTF8") return false;
  }
  return model.dictionary_info() != nullptr;
}

const Dictionary& dictionary() {
  static const Dictionary d = [] {
    Dictionary made;
    // -r /dev/null: the dictionary is named here, so no mecabrc is needed or read.
    made.model.reset(MeCab::createModel("-r /dev/null -d " INTERDICT_MECAB_DIC));
    if (made.model && is_utf8_dictionary(*made.model)) {
      made.tagger.reset(made.model->createTagger());
    } else {
      made.model.reset();
    }
    return made;
  }();
  return d;
}

// One lattice per thread: MeCab's model and tagger are shared, a lattice is not.
MeCab::Lattice* lattice() {
  const Dictionary& d = dictionary();
  if (!d.tagger) return nullptr;
  thread_local std::unique_ptr<MeCab::Lattice> mine(d.model->createLattice());
  return mine.get();
}

std::string_view field(std::string_view feature, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const auto comma = feature.find(',');
    if (comma == std::string_view::npos) return {};
    feature.remove_prefix(comma + 1);
  }
  return feature.substr(0, feature.find(','));
}

bool holds_word(UChar32 c) {
  const bool apostrophe = c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018 || c == '`';
  const bool mark = (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
  return u_isalnum(c) || apostrophe || mark || c == 0x30FC;
}

bool is_han(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}

// The words of `utf8` after NFKC, split as normalise_name splits them, each with whether
// it holds a kanji; words without a letter are left out.
std::vector<std::pair<std::string, bool>> split_words(std::string_view utf8) {
  std::vector<std::pair<std::string, bool>> out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) return out;
  const auto text = nfkc->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))), status);
  if (U_FAILURE(status)) return out;
  icu::UnicodeString word;
  bool letter = false;
  bool han = false;
  auto flush = [&] {
    if (letter) {
      std::string bytes;
      word.toUTF8String(bytes);
      out.emplace_back(std::move(bytes), han);
    }
    word.remove();
    letter = han = false;
  };
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (!holds_word(c)) {
      flush();
      continue;
    }
    word.append(c);
    letter = letter || u_isalpha(c);
    han = han || is_han(static_cast<char32_t>(c));
  }
  flush();
  return out;
}

// A name's reading by a dictionary entry spanning the whole word (人名 person, 地域 place).
bool names_something(std::string_view feature) { return field(feature, 2) == "人名" || field(feature, 2) == "地域"; }

// Reads the first path of the parse in `l` (japanese_reading's tokens), or nothing when
// any part of it is unknown or has no reading.
std::vector<std::string> best_path(const MeCab::Lattice& l) {
  std::vector<std::string> out;
  for (const MeCab::Node* node = l.bos_node(); node != nullptr; node = node->next) {
    if (node->stat == MECAB_BOS_NODE) continue;
    if (node->stat == MECAB_EOS_NODE) break;
    if (node->stat == MECAB_UNK_NODE || node->feature == nullptr) return {};
    const std::string_view reading = field(node->feature, kReadingField);
    if (reading.empty() || reading == "*") return {};
    std::string romaji = katakana_romaji(reading);
    if (romaji.empty()) return {};
    out.push_back(std::move(romaji));
  }
  return out;
}

// Parses `word.text` once and fills its first reading and its other whole-word name
// entries (綱木 is a surname ツナキ and a place ツナギ): the lattice's nodes that begin at
// the word's start hold every entry the dictionary has for it.
void read_word(JapaneseWord& word) {
  if (word.text.empty() || word.text.size() > kMaxKanjiWord) return;
  MeCab::Lattice* l = lattice();
  if (l == nullptr) return;
  l->set_sentence(word.text.c_str());
  if (!dictionary().tagger->parse(l)) return;
  word.first = best_path(*l);
  if (word.first.empty()) return;
  for (const MeCab::Node* node = l->begin_nodes()[0]; node != nullptr; node = node->bnext) {
    if (node->stat != MECAB_NOR_NODE || node->feature == nullptr || node->length != word.text.size() ||
        !names_something(node->feature))
      continue;
    std::string romaji = katakana_romaji(field(node->feature, kReadingField));
    if (romaji.empty() || (word.first.size() == 1 && word.first.front() == romaji)) continue;
    if (std::find(word.whole.begin(), word.whole.end(), romaji) == word.whole.end())
      word.whole.push_back(std::move(romaji));
  }
}

// A word's other readings: its whole-word entries, then for two kanji their characters'
// readings (kanji_readings.h).
std::vector<std::string> other_readings(const JapaneseWord& word) {
  std::vector<std::string> out = word.whole;
  for (const auto& katakana : composed_kanji_readings(word.text)) {
    std::string romaji = katakana_romaji(katakana);
    if (romaji.empty() || (word.first.size() == 1 && word.first.front() == romaji)) continue;
    if (std::find(out.begin(), out.end(), romaji) == out.end()) out.push_back(std::move(romaji));
  }
  return out;
}

}  // namespace

std::vector<JapaneseWord> japanese_words(std::string_view utf8) {
  std::vector<JapaneseWord> out;
  for (auto& [text, han] : split_words(utf8)) {
    out.push_back({std::move(text), han, {}, {}});
    if (han) read_word(out.back());
  }
  return out;
}

std::vector<std::vector<std::string>> japanese_other_readings(const std::vector<JapaneseWord>& words) {
  std::vector<std::vector<std::string>> out;
  if (words.empty() || words.size() > kMaxOtherWords) return out;
  for (const auto& word : words)
    if (!word.kanji || word.first.empty()) return out;
  std::vector<std::vector<std::string>> others;
  for (const auto& word : words) others.push_back(other_readings(word));
  // Each word's first other reading, then each word's second...: the cap keeps some of
  // every word's.
  for (std::size_t rank = 0; out.size() < kMaxOtherReadings; ++rank) {
    bool any = false;
    for (std::size_t w = 0; w < words.size() && out.size() < kMaxOtherReadings; ++w) {
      if (rank >= others[w].size()) continue;
      any = true;
      std::vector<std::string> reading;
      for (std::size_t v = 0; v < words.size(); ++v) {
        if (v == w)
          reading.push_back(others[w][rank]);
        else
          reading.insert(reading.end(), words[v].first.begin(), words[v].first.end());
      }
      out.push_back(std::move(reading));
    }
    if (!any) break;
  }
  return out;
}

std::vector<std::vector<std::string>> japanese_other_readings(std::string_view utf8) {
  return japanese_other_readings(japanese_words(utf8));
}

bool japanese_dictionary_loaded() { return dictionary().tagger != nullptr; }

std::string katakana_romaji(std::string_view katakana) {
  std::u32string word;
  const auto n = static_cast<int32_t>(katakana.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(katakana.data(), i, n, c);
    if (c < 0 || !is_kana(static_cast<char32_t>(c))) return {};
    word.push_back(static_cast<char32_t>(c));
  }
  const std::string letters = pattern_letters(kana_pattern(word));
  // Hepburn as lists write it drops the macron: サトウ Satō is Sato, ユウキ Yūki Yuki.
  std::string out;
  for (char c : letters) {
    if (c == 'u' && !out.empty() && (out.back() == 'o' || out.back() == 'u')) continue;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> japanese_reading(std::string_view word) {
  JapaneseWord one{std::string(word), true, {}, {}};
  read_word(one);
  return one.first;
}

}  // namespace interdict
