// The rules of issue 6, session 12, for Han and kana: the keys a one-class pattern looks up
// with an unwritten r put back, optional glides in a pattern where the lists' fold drops
// them, 琼 as jo, Hungarian zs and the dz affricate as katakana's ジ, French ge as ジュ. Each
// case is a rigour spelling missed at the match threshold before its rule, or a pair the
// rule must keep apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expect_hits.h"
#include "keyed.h"
#include "names/candidates.h"
#include "names/names.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

constexpr double kMatch = 0.92;

TEST(NamesRecall12Han, OneClassPatternsReachAnUnwrittenR) {
  // 都铎 "dudo" (T) and Tudor (TR), 扎奇 "zachI" (S) and Zarchi (SRS), 乌戈盖 "ugoge" (K) and
  // Urgeghe (RK): no key of either met the other's.
  EXPECT_TRUE(keyed_alike(han_pattern(U"都铎"), "tudor"));
  EXPECT_TRUE(keyed_alike(han_pattern(U"扎奇"), "zarchi"));
  EXPECT_TRUE(keyed_alike(han_pattern(U"乌戈盖"), "urgeghe"));
  EXPECT_TRUE(keyed_alike(han_pattern(U"哈特"), "hart"));
  // Only an r: Tudor is not Tudol's key with any other consonant.
  EXPECT_FALSE(keyed_alike(han_pattern(U"都铎"), "tudom"));
}

TEST(NamesRecall12Han, OptionalGlides) {
  // The fold drops the glide of Pelaia and Kumaraiah (pela, kumarah).
  EXPECT_EQ(kana_pattern(U"ペライア"), "peraIA");
  EXPECT_EQ(han_pattern(U"库马拉亚"), "kumalaIA");
  EXPECT_GE(transcription_similarity(kana_pattern(U"ペライア"), "pela"), kMatch);
  EXPECT_GE(transcription_similarity(han_pattern(U"库马拉亚"), "kumarah"), kMatch);
  // A short pattern keeps its i, as a short list token keeps its glide (Maia).
  EXPECT_EQ(kana_pattern(U"マイア"), "maia");
  // A j is the name's consonant, never a glide (曼纳朱罗 Mannajuolo is no Manaure).
  EXPECT_EQ(kana_pattern(U"ボッジャーリ"), "boiaRri");
  EXPECT_EQ(han_pattern(U"曼纳朱罗"), "manaiuro");
  // An i after a consonant is no glide: マリア Maria.
  EXPECT_EQ(kana_pattern(U"マリアンナ"), "mariana");
}

TEST(NamesRecall12Han, QiongIsJo) {
  EXPECT_GE(transcription_similarity(han_pattern(U"琼斯"), "iones"), kMatch);  // Jones
  EXPECT_LT(transcription_similarity(han_pattern(U"琼斯"), "chons"), kMatch);
}

TEST(NamesRecall12Han, HungarianZsAndTheDzAffricate) {
  EXPECT_GE(transcription_similarity(kana_pattern(U"ゲルジョン"), "gerzson"), kMatch);
  EXPECT_GE(transcription_similarity(kana_pattern(U"ムトゥクジ"), "mtukudzi"), kMatch);
  // A z with neither is no ジ: ゲルジョン is no Gerzon.
  EXPECT_LT(transcription_similarity(kana_pattern(U"ゲルジョン"), "gerzon"), kMatch);
}

TEST(NamesRecall12Han, FrenchSoftGAsKatakanaWritesIt) {
  // Geneviève: ジュ writes its ge, the mute e in the u column.
  EXPECT_GE(transcription_similarity(kana_pattern(U"ジュヌヴィエーヴ"), "genevieve"), kMatch);
  EXPECT_GE(transcription_similarity(kana_pattern(U"ジュネヴィエーヴ"), "genevieve"), kMatch);
  // The pattern's first j, a folded glide, is looked up as that g too.
  EXPECT_TRUE(keyed_alike(kana_pattern(U"ジュネヴィエーヴ"), "genevieve"));
  // Only a g before e or i is soft: ジュナ is no Guna.
  EXPECT_LT(transcription_similarity(kana_pattern(U"ジュナ"), "guna"), kMatch);
}

TEST(NamesRecall12Han, ReachedThroughTheIndex) {
  expect_top_matches(
      index_of({"Tudor-Hart", "Zarchi", "Urgeghe", "Jones-Gorlin", "Gerzson", "Pelaia", "Kumaraiah", "Geneviève"}),
      {{"都铎-哈特", "Tudor-Hart"},
       {"扎奇", "Zarchi"},
       {"乌戈盖", "Urgeghe"},
       {"琼斯-戈林", "Jones-Gorlin"},
       {"ゲルジョン", "Gerzson"},
       {"ペライア", "Pelaia"},
       {"库马拉亚", "Kumaraiah"},
       {"ジュネヴィエーヴ", "Geneviève"}});
}

}  // namespace
}  // namespace interdict
