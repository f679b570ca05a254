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

// The other readings of a word the dictionary reads: its other whole-word name entries
// (綱木 is a surname ツナキ and a place ツナギ), then for two kanji their characters'
// readings (kanji_readings.h).
std::vector<std::string> other_readings(const std::string& word, const std::vector<std::string>& best) {
  std::vector<std::string> out;
  auto add = [&](std::string romaji) {
    if (romaji.empty() || (best.size() == 1 && best.front() == romaji)) return;
    if (std::find(out.begin(), out.end(), romaji) == out.end()) out.push_back(std::move(romaji));
  };
  if (MeCab::Lattice* l = lattice(); l != nullptr) {
    l->set_sentence(word.c_str());
    if (dictionary().tagger->parse(l))
      for (const MeCab::Node* node = l->begin_nodes()[0]; node != nullptr; node = node->bnext)
        if (node->stat == MECAB_NOR_NODE && node->feature != nullptr && node->length == word.size() &&
            names_something(node->feature))
          add(katakana_romaji(field(node->feature, kReadingField)));
  }
  for (const auto& katakana : composed_kanji_readings(word)) add(katakana_romaji(katakana));
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> japanese_words(std::string_view utf8) {
  std::vector<std::vector<std::string>> out;
  for (const auto& [word, han] : split_words(utf8))
    if (han) out.push_back(japanese_reading(word));
  return out;
}

std::vector<std::vector<std::string>> japanese_other_readings(std::string_view utf8) {
  std::vector<std::vector<std::string>> out;
  const auto words = split_words(utf8);
  if (words.empty() || words.size() > kMaxOtherWords) return out;
  std::vector<std::vector<std::string>> best;
  for (const auto& [word, han] : words) {
    if (!han) return out;
    best.push_back(japanese_reading(word));
    if (best.back().empty()) return out;
  }
  std::vector<std::vector<std::string>> others;
  for (std::size_t w = 0; w < words.size(); ++w) others.push_back(other_readings(words[w].first, best[w]));
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
          reading.insert(reading.end(), best[v].begin(), best[v].end());
      }
      out.push_back(std::move(reading));
    }
    if (!any) break;
  }
  return out;
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
  std::vector<std::string> out;
  if (word.empty() || word.size() > kMaxKanjiWord) return out;
  MeCab::Lattice* l = lattice();
  if (l == nullptr) return out;
  const std::string text(word);
  l->set_sentence(text.c_str());
  if (!dictionary().tagger->parse(l)) return {};
  for (const MeCab::Node* node = l->bos_node(); node != nullptr; node = node->next) {
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

}  // namespace interdict
