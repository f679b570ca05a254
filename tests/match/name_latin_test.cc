// Latin names with accents read a character at a time (name_latin.cc) must give the tokens
// ICU gives when it reads the whole name. A trailing " •" (a character that path does not
// take, and a separator) sends a name to ICU whole, so each name is compared with itself so
// marked.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "match/match.h"

namespace interdict {
namespace {

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6));
  } else {
    out += static_cast<char>(0xe0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
  }
  out += static_cast<char>(0x80 | (c & 0x3f));
  return out;
}

std::string by_icu(const NameMatcher& m, const std::string& name) { return m.normalise(name + " \u2022"); }

// Every character the path reads: Latin-1 Supplement, Latin Extended-A and -B, Latin
// Extended Additional.
std::vector<char32_t> latin_characters() {
  std::vector<char32_t> out;
  for (char32_t c = 0x80; c < 0x250; ++c) out.push_back(c);
  for (char32_t c = 0x1e00; c < 0x1f00; ++c) out.push_back(c);
  return out;
}

TEST(NameLatin, EveryCharacterAloneAndAmongLettersReadsAsIcuReadsIt) {
  NameMatcher m;
  for (const char32_t c : latin_characters()) {
    const std::string alone = utf8(c);
    for (const std::string& name : {alone, "a" + alone + "b", "A" + alone + "B", "x " + alone + " 9", alone + alone}) {
      ASSERT_EQ(m.normalise(name), by_icu(m, name)) << std::hex << static_cast<std::uint32_t>(c) << " in " << name;
    }
  }
}

TEST(NameLatin, PairsOfCharactersReadAsIcuReadsThem) {
  NameMatcher m;
  const std::vector<char32_t> all = latin_characters();
  std::size_t compared = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i % 11; j < all.size(); j += 11) {
      const std::string name = utf8(all[i]) + utf8(all[j]);
      ASSERT_EQ(m.normalise(name), by_icu(m, name)) << name;
      ++compared;
    }
  }
  EXPECT_GT(compared, 45000u);
}

TEST(NameLatin, NamesWithAccentsReadAsIcuReadsThem) {
  NameMatcher m;
  const std::vector<std::string> names = {
      "Société Générale S.A.", "Müller Außenhandel GmbH", "Crédit Agricole", "Łódź Trading sp. z o.o.",
      "Škoda Auto a.s.", "Antonín Dvořák", "Øresundsbron", "Anders Ångström", "Gonçalves & Filhos Lda.", "Peña Nieto",
      "Çelik Holding A.Ş.", "FJÄLLRÄVEN AB", "Hôtel Économique", "Zürich Versicherungs-Gesellschaft AG",
      "São Paulo Alpargatas", "Nguyễn Tấn Dũng", "Trần Hưng Đạo", "ÆON Co., Ltd.", "Œuvre d’Orient", "Straße",
      "ǅemal Bijedić", "Ĳsselmeer", "µ-Systems", "½ Price Ltd", "Soft\u00adhyphen", "N\u00baº 5",
      // Combining marks, other scripts and broken UTF-8: ICU reads the name whole.
      "Cafe\u0301", "Müller Тенсент", "Zürich 腾讯", "Zu\xcc", "\xc3(bad", "Gr\xc3\xbc\xc3"};
  for (const std::string& name : names) EXPECT_EQ(m.normalise(name), by_icu(m, name)) << name;
}

// Every line with a Latin letter past ASCII in the shared lists and yente's names (17,000
// lines: Spanish, Portuguese, Turkish, Vietnamese, German names; many mixed with other
// scripts, which ICU reads whole).
TEST(NameLatin, RealNamesWithAccentsReadAsIcuReadsThem) {
  NameMatcher m;
  const std::string data = INTERDICT_SHARED_DATA;
  const std::string yente = data + "/yente/contrib/candidate_generation_benchmark/fixtures/";
  std::size_t compared = 0;
  for (const std::string& path :
       {yente + "negatives_global.csv", yente + "negatives_us.csv", yente + "positives_un_untreated.csv",
        data + "/watchman/test/testdata/bench/sdn.csv", data + "/fmatch/assets/database/list.csv"}) {
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    for (std::string line; std::getline(in, line);) {
      bool latin = false;  // a lead byte of U+0080-U+024F, or of Latin Extended Additional
      for (std::size_t i = 0; i + 1 < line.size() && !latin; ++i) {
        const auto b = static_cast<unsigned char>(line[i]);
        latin = (b >= 0xc2 && b <= 0xc9) || (b == 0xe1 && static_cast<unsigned char>(line[i + 1]) >= 0xb8 &&
                                             static_cast<unsigned char>(line[i + 1]) <= 0xbb);
      }
      if (!latin) continue;
      ASSERT_EQ(m.normalise(line), by_icu(m, line)) << path << ": " << line;
      ++compared;
    }
  }
  EXPECT_GT(compared, 15000u);
}

TEST(NameLatin, AccentedNameMatchesItsPlainSpelling) {
  NameMatcher m;
  m.add("Societe Generale", 7);
  const auto hit = m.match("SOCIÉTÉ GÉNÉRALE S.A.");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 7u);
  EXPECT_TRUE(hit->exact);
}

}  // namespace
}  // namespace interdict
