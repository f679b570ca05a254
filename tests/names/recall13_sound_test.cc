// The rules of issue 6, session 13: a list token's sound spelling (sound_spelling.h), the
// letters the spelling fold reads as another language's before a transcription pattern
// meets them: English th (史密斯 Smith), Portuguese ç (达格拉萨 da Graça) and Turkish ç
// (チャリシュガン Çalışgan), Dutch sch (斯彻特斯 Schoeters), German ö, French oé, Czech ř.
// Each end-to-end case is a rigour spelling missed at the match threshold before the rule.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "expect_hits.h"
#include "names/names.h"
#include "names/normalise.h"
#include "names/sound_spelling.h"

namespace interdict {
namespace {

constexpr double kMatch = 0.92;

// Each token of `name`'s first reading with its sound spelling ("" for none), joined by
// spaces: "smit:smis".
std::string sounded(const std::string& name) {
  const auto reading = normalise_name(name).front();
  const auto sound = sound_reading(name);
  if (sound.empty()) return "";
  EXPECT_EQ(sound.size(), reading.size()) << name;
  std::string out;
  for (std::size_t i = 0; i < reading.size() && i < sound.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += reading[i] + ":" + sounded_token(sound[i], reading[i]);
  }
  return out;
}

TEST(NamesRecall13Sound, LettersTheFoldLosesAreSpelledAsHeard) {
  EXPECT_EQ(sounded("Clarke-Smith"), "klarke: smit:smis");  // th is the tables' s
  EXPECT_EQ(sounded("Matthews"), "matevs:masevs");          // tth once
  EXPECT_EQ(sounded("Maria da Graça"), "maria: da: graka:grasa");
  EXPECT_EQ(sounded("Çalışgan"), "kalisgan:chalishgan");  // Turkish: ı, ş
  EXPECT_EQ(sounded("Çela"), "cela:chela");               // ç before e is no Portuguese
  EXPECT_EQ(sounded("Schoeters"), "shuters:schuters");    // Dutch s and ch, oe u
  EXPECT_EQ(sounded("Tschudi"), "");                      // German tsch is ch alone
  EXPECT_EQ(sounded("Auböck"), "aubok:aubek");
  EXPECT_EQ(sounded("Khloé"), "hlu:hloe");         // oé two vowels, not Dutch oe
  EXPECT_EQ(sounded("Jiřina"), "jirina:irzhina");  // Czech j before i the glide too
  // None of those letters, or a digit (the marks are digits): no sound spelling.
  EXPECT_EQ(sounded("Gonzalo Ruiz"), "");
  EXPECT_EQ(sound_reading("Thomas 2"), NameTokens{});
}

TEST(NamesRecall13Sound, PatternsMeetTheSoundSpelling) {
  const auto index = index_of({"Clarke-Smith", "Maria da Graça", "Gonçalvo", "Çalışgan", "Sither", "Schoeters",
                               "Nayowith", "Ivan Petrov", "Anna Muller"});
  expect_top_matches(index, {{"克拉克-史密斯", "Clarke-Smith"},
                             {"玛丽亚·达格拉萨", "Maria da Graça"},
                             {"贡萨尔沃", "Gonçalvo"},
                             {"ゴンサルボ", "Gonçalvo"},
                             {"チャリシュガン", "Çalışgan"},
                             {"西瑟", "Sither"},
                             {"斯彻特斯", "Schoeters"},
                             {"纳约威斯", "Nayowith"}});
}

TEST(NamesRecall13Sound, OnlyTheNameWithTheLettersSoundsSo) {
  // Dutch Smit is 史密特; 史密斯 is Smith's, whose th the fold made Smit's t.
  const auto index = index_of({"Smit", "Smith"});
  const auto hits = index.search("史密斯", {}, 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].id, "Smith");
  EXPECT_LT(score_of(index, "史密斯", "Smit"), kMatch);
  // The plain spelling still pairs: German Roth is 罗特.
  EXPECT_GE(score_of(index_of({"Roth"}), "罗特", "Roth"), kMatch);
  // A Latin query is compared by spelling, never with the sound spelling.
  EXPECT_LT(score_of(index_of({"Smith"}), "Smis", "Smith"), kMatch);
}

TEST(NamesRecall13Sound, TheFileKeepsTheSoundSpelling) {
  const auto index = index_of({"Maria da Graça", "Gonçalvo"});
  const std::string path = testing::TempDir() + "recall13_sound.idx";
  ASSERT_TRUE(index.save(path).has_value());
  const auto loaded = NameIndex::load(path);
  std::remove(path.c_str());
  ASSERT_TRUE(loaded.has_value());
  EXPECT_GE(score_of(*loaded, "贡萨尔沃", "Gonçalvo"), kMatch);
  EXPECT_GE(score_of(*loaded, "玛丽亚·达格拉萨", "Maria da Graça"), kMatch);
}

}  // namespace
}  // namespace interdict
