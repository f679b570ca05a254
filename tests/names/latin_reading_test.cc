// The way round ICU for texts of ideographs and ASCII gives what ICU gives.
#include "names/latin_reading.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "names/normalise_words.h"

namespace interdict {
namespace {

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// Checks one text: when the way round takes it, its reading is ICU's. True when it took it.
bool fast_as_icu(const icu::UnicodeString& text) {
  icu::UnicodeString fast;
  if (!to_latin_fast(text, fast)) return false;
  icu::UnicodeString slow = text;
  to_latin_icu(slow);
  EXPECT_EQ(utf8(fast), utf8(slow)) << "text: " << utf8(text);
  return true;
}

std::vector<UChar32> ideographs(UChar32 first, UChar32 last) {
  std::vector<UChar32> out;
  for (UChar32 c = first; c <= last; ++c) {
    UErrorCode status = U_ZERO_ERROR;
    if (u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_HAN) out.push_back(c);
  }
  return out;
}

TEST(NamesLatinReading, HanTextReadAsIcuReadsIt) {
  icu::UnicodeString read;
  ASSERT_TRUE(to_latin_fast(icu::UnicodeString::fromUTF8("罗哈斯 | 阿尔瓦拉多 | "), read));
  EXPECT_EQ(utf8(read), "luo ha si | a er wa la duo | ");
}

// Han-Latin reads 重 as chong before 庆 and zhong elsewhere: such a text goes to ICU.
TEST(NamesLatinReading, IdeographReadByItsNeighboursGoesToIcu) {
  icu::UnicodeString read;
  EXPECT_FALSE(to_latin_fast(icu::UnicodeString::fromUTF8("重庆"), read));
  EXPECT_FALSE(fast_as_icu(icu::UnicodeString::fromUTF8("重 | 庆")));
  EXPECT_TRUE(fast_as_icu(icu::UnicodeString::fromUTF8("庆")));
}

// ICU writes "A luo" for A罗 but "luoA" for 罗A, and never spaces a digit.
TEST(NamesLatinReading, AsciiBesideAnIdeographGoesToIcu) {
  icu::UnicodeString read;
  for (const char* text : {"A罗", "罗A", "罗1", "1罗"})
    EXPECT_FALSE(to_latin_fast(icu::UnicodeString::fromUTF8(text), read)) << text;
  EXPECT_TRUE(fast_as_icu(icu::UnicodeString::fromUTF8("罗 | konggu youxian gongsi | 哈")));
}

TEST(NamesLatinReading, OtherScriptsGoToIcu) {
  icu::UnicodeString read;
  for (const char* text : {"Путин", "Ζήτα", "김정은", "々", "〇"})
    EXPECT_FALSE(to_latin_fast(icu::UnicodeString::fromUTF8(text), read)) << text;
}

TEST(NamesLatinReading, AsciiIsItsOwnReading) {
  std::mt19937 random(6);
  const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'` |";
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    const std::size_t size = random() % 24;
    for (std::size_t i = 0; i < size; ++i) text += letters[random() % letters.size()];
    EXPECT_TRUE(fast_as_icu(icu::UnicodeString::fromUTF8(text)));
  }
}

// Every ideograph of the unified block and extension A that is read alone, each between
// others, in runs of eight as a word holds them.
TEST(NamesLatinReading, EveryIdeographInARunAsIcu) {
  std::vector<UChar32> alone;
  for (UChar32 c : ideographs(0x3400, 0x9FFF))
    if (fast_as_icu(icu::UnicodeString(c))) alone.push_back(c);
  EXPECT_GT(alone.size(), 20000U);
  std::shuffle(alone.begin(), alone.end(), std::mt19937(6));
  for (std::size_t i = 0; i < alone.size(); i += 8) {
    icu::UnicodeString text;
    for (std::size_t k = i; k < i + 8 && k < alone.size(); ++k) text.append(alone[k]);
    EXPECT_TRUE(fast_as_icu(text));
  }
}

// Words of ideographs (the common ones, those Han-Latin reads by their neighbours, and
// some from the supplementary planes), ASCII words and word marks, at random.
TEST(NamesLatinReading, GeneratedTextsAsIcu) {
  auto pool = ideographs(0x4E00, 0x4FFF);
  for (const char* some : {"藏", "文", "重", "庆", "沈", "阳", "秘", "鲁", "罗", "哈", "斯", "〇", "々", "𠀀", "𪚥"}) {
    const auto text = icu::UnicodeString::fromUTF8(some);
    pool.push_back(text.char32At(0));
  }
  const std::vector<std::string> ascii{"konggu", "youxian", "gongsi", "a", "x1", "o'"};
  std::mt19937 random(6);
  std::size_t taken = 0;
  for (int n = 0; n < 3000; ++n) {
    icu::UnicodeString text;
    const std::size_t words = 1 + random() % 4;
    for (std::size_t w = 0; w < words; ++w) {
      if (random() % 4 == 0) {
        text.append(icu::UnicodeString::fromUTF8(ascii[random() % ascii.size()]));
      } else {
        const std::size_t size = 1 + random() % 4;
        for (std::size_t i = 0; i < size; ++i) text.append(pool[random() % pool.size()]);
      }
      text.append(random() % 2 == 0 ? u" | " : u" ");
    }
    taken += fast_as_icu(text) ? 1 : 0;
  }
  EXPECT_GT(taken, 1000U);
}

// The names of the shared data that hold ideographs, marked as normalise marks them.
TEST(NamesLatinReading, ListNamesAsIcu) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Transliterator> simplify(
      icu::Transliterator::createInstance("NFKC; Traditional-Simplified", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status));
  std::size_t han = 0;
  std::size_t taken = 0;
  for (const char* file :
       {"/yente/contrib/candidate_generation_benchmark/fixtures/negatives_global.csv",
        "/motiva/crates/libmotiva/assets/excerpts/rigour_data/names/persons.txt", "/fmatch/assets/database/list.csv"}) {
    std::ifstream in(std::string(INTERDICT_SHARED_DATA) + file);
    ASSERT_TRUE(in) << file;
    std::string line;
    while (std::getline(in, line)) {
      auto text = icu::UnicodeString::fromUTF8(line);
      bool any = false;
      for (int32_t i = 0; i < text.length() && !any; ++i) any = u_hasBinaryProperty(text.charAt(i), UCHAR_IDEOGRAPHIC);
      if (!any) continue;
      ++han;
      simplify->transliterate(text);
      std::vector<Spelling> spellings;
      std::vector<std::string> patterns;
      std::vector<PatternSource> sources;
      std::vector<std::string> native_patterns;
      std::vector<bool> han_words;
      taken += fast_as_icu(words::mark_words(text, spellings, patterns, sources, native_patterns, han_words)) ? 1 : 0;
    }
  }
  EXPECT_GT(han, 5000U);
  EXPECT_GT(taken, han / 2);
}

}  // namespace
}  // namespace interdict
