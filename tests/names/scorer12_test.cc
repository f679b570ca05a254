// The typo rules of issue 6, session 12: two neighbouring letters swapped, or a vowel doubled
// or written once, are a typo even where the spelling fold reads them apart (KAHDEM / KHADEM,
// RODI / ROODI), and the index reaches the name through the typo undone; a character a narrower character set could not
// write ("Mus?ab") keeps its word whole. Each positive is one of yente's UN queries, each
// negative a pair the rule must not make.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expect_hits.h"
#include "names/names.h"
#include "names/normalise.h"
#include "names/score.h"

namespace interdict {
namespace {

const std::vector<std::string> kListed = {
    "ABDUL RAUF KHADEM", "MOHAMED LAKHAL", "SLEWA, Roodi", "FAIZ", "WALIJAN", "TARKHAN ISMAILOVICH GAZIEV",
    "REHMAN, Abdur", "Mus'ab Mustafa Abu al Qassim Omar", "MAURO", "MARIA III", "Charles Carper", "Ali Hassan",
    "ZAHIDI", "Lia Chen", "Maria Lopez Garcia",
    // Filler, so that no word is the rarest by chance.
    "John Smith", "Peter Brown", "Anna Schmidt", "Mohamed Ali", "Abdul Rahman", "Ali Khan"};

TEST(NamesTypos12, ASwapTheFoldHidesIsATypo) {
  const auto index = index_of(kListed);
  // Folded, kahdem / hadem and gzaev / gaziev were 0.68 and 0.70 alike: under review.
  EXPECT_GE(score_of(index, "ABDUL RAUF KAHDEM", "ABDUL RAUF KHADEM"), 0.92);
  EXPECT_GE(score_of(index, "TARKHAN ISMAILOVICH GZAIEV", "TARKHAN ISMAILOVICH GAZIEV"), 0.92);
  EXPECT_GE(score_of(index, "BADUR REHMAN", "REHMAN, Abdur"), 0.92);
}

TEST(NamesTypos12, AVowelDoubledOrWrittenOnceIsATypo) {
  const auto index = index_of(kListed);
  // The fold reads oo as u (Mahmood, Mahmud): "rodi" against "rudi" was 0.61.
  EXPECT_GE(score_of(index, "RODI SLEWA", "SLEWA, Roodi"), 0.92);
  EXPECT_NE(normalise_query("Rodi").typos[0].find("rudi "), std::string::npos);
  EXPECT_NE(normalise_query("Roodi").typos[0].find("rodi "), std::string::npos);
  // Other vowels doubled fold as they were: no spelling to add.
  EXPECT_EQ(normalise_query("Lia").typos[0].find("liia"), std::string::npos);
}

TEST(NamesTypos12, TheIndexReachesANameThroughTheSwap) {
  const auto index = index_of(kListed);
  // Neither key of "lakahl" (its prefix, its consonants) is one of "lahal": nothing reached it.
  EXPECT_GE(score_of(index, "MOHAMED LAKAHL", "MOHAMED LAKHAL"), 0.92);
  EXPECT_GE(score_of(index, "AFIZ", "FAIZ"), 0.92);
  EXPECT_GE(score_of(index, "AWLIJAN", "WALIJAN"), 0.92);
}

TEST(NamesTypos12, ASwapThatDropsALetterOrAShortWordIsNoTypo) {
  // "zahidi" with d and i swapped is "zahiid", which folds to zahid: a letter dropped.
  const auto zahid = normalise_query("Zahid");
  ASSERT_EQ(zahid.typos.size(), 1U);
  EXPECT_EQ(zahid.typos[0].find("zahidi"), std::string::npos);
  EXPECT_LT(score_of(index_of(kListed), "Zahid", "ZAHIDI"), 0.92);
  // Two letters swapped are another word as often as a typo (Li, Il).
  const auto li = normalise_query("Li Chen");
  ASSERT_EQ(li.typos.size(), 2U);
  EXPECT_TRUE(li.typos[0].empty());
  EXPECT_FALSE(li.typos[1].empty());
}

TEST(NamesTypos12, TheSwapsAreFoldedAndExcludeTheWordItself) {
  const auto q = normalise_query("KAHDEM");
  ASSERT_EQ(q.typos.size(), 1U);
  // k-a swapped is "akhdem", a-h "khadem" (folded "hadem"), h-d "kadhem", d-e "kahedm", e-m "kahdme".
  EXPECT_NE(q.typos[0].find("hadem "), std::string::npos);
  EXPECT_EQ(q.typos[0].find("kahdem "), std::string::npos);
  // Syllables read from ideographs are no typed letters.
  for (const auto& swaps : normalise_query("陳 明德").typos) EXPECT_TRUE(swaps.empty());
}

TEST(NamesTypos12, AQuestionMarkInsideAWordIsALostCharacter) {
  const auto index = index_of(kListed);
  EXPECT_GE(score_of(index, "Mus?ab Mustafa Abu al Qassim Omar", "Mus'ab Mustafa Abu al Qassim Omar"), 0.99);
  EXPECT_EQ(normalise_name("Mus?ab").front(), NameTokens{"musab"});
  EXPECT_EQ(normalise_name("José Mu?oz").front().back(), "muoz");
  // Not between letters, it parts words as any punctuation does.
  EXPECT_EQ(normalise_name("Omar? Ali").front().size(), 2U);
  EXPECT_EQ(normalise_name("Omar ?Ali").front().size(), 2U);
}

TEST(NamesTypos12, ASwapCountsLessThanTheSpellingItself) {
  const auto index = index_of(kListed);
  EXPECT_GE(score_of(index, "Maria Lopez Gracia", "Maria Lopez Garcia"), 0.92);
  EXPECT_LT(score_of(index, "Maria Lopez Gracia", "Maria Lopez Garcia"), 0.99);
  // Not a swap: Lia is no typo of Ali.
  EXPECT_LT(score_of(index, "Lia Hassan", "Ali Hassan"), 0.92);
}

TEST(NamesPrecision12, AnAccentedPairOfLettersIsNoLegalForm) {
  // Sá is a Portuguese surname; folded it is "sa", S.A., and was weak: Mauro Sá met MAURO at
  // 0.968, one of three such negatives of yente's.
  EXPECT_EQ(normalise_query("Mauro Sá").not_weak, std::vector<std::string>{"sa"});
  EXPECT_TRUE(normalise_query("Mauro SA").not_weak.empty());
  EXPECT_TRUE(normalise_query("Société Générale SA").not_weak.empty());
  const auto index = index_of(kListed);
  EXPECT_LT(score_of(index, "Mauro Sá", "MAURO"), 0.80);
  EXPECT_GE(score_of(index, "Mauro SA", "MAURO"), 0.92);
}

TEST(NamesPrecision12, JoinedNamesOfAsManyWordsForgiveOnlyASwap) {
  const auto index = index_of(kListed);
  // One letter changed across the joined words was forgiven: 0.911, a negative of yente's.
  EXPECT_LT(score_of(index, "Charles Carter", "Charles Carper"), 0.90);
  // A swap is still a typo, joined or word by word.
  EXPECT_GE(score_of(index, "Charles Caprer", "Charles Carper"), 0.92);
}

TEST(NamesPrecision12, AGenerationIsWeak) {
  for (const char* generation : {"jr", "sr", "ii", "iii", "iv"}) EXPECT_TRUE(is_weak_token(generation)) << generation;
  const auto index = index_of(kListed);
  // MARIA III joined was "mariai", which "Maria Ali" joined met at 0.917.
  EXPECT_LT(score_of(index, "Maria Ali", "MARIA III"), 0.90);
  EXPECT_GE(score_of(index, "Maria", "MARIA III"), 0.92);
}

TEST(NamesRecall12, ATranscribedParticleIsTheListsWeakWord) {
  const auto index = index_of(
      {"flor de maría", "de cuéllar", "García de la Huerta", "de oscar", "OSCAR", "John Smith", "Peter Brown"});
  // 代 alone between interpuncts had no pattern (one ideograph reads as a Chinese name), and
  // デ's pattern paired with no weak word: each paid the particle's full weight.
  EXPECT_GE(score_of(index, "弗洛尔·代·玛丽亚", "flor de maría"), 0.92);
  EXPECT_GE(score_of(index, "デ・クエヤル", "de cuéllar"), 0.92);
  // And a particle of one ideograph that had its token still meets the list's.
  EXPECT_GE(score_of(index, "加西亚·德·拉·赫尔塔", "García de la Huerta"), 0.92);
  EXPECT_GT(score_of(index, "德·奥斯卡", "de oscar"), score_of(index, "德·奥斯卡", "OSCAR"));
}

// The explanation says which tokens counted as weak as the scorer counted them, not as the
// word list says: "sa" is weak in Mauro SA, not in Mauro Sá.
bool explained_weak(const NameIndex& index, const std::string& query, const std::string& id, const std::string& token) {
  for (const auto& hit : index.search(query, {}, 10))
    if (hit.id == id)
      for (const auto& pair : hit.why.pairs)
        if (pair.query_token == token || (pair.query_token.empty() && pair.name_token == token)) return pair.weak;
  ADD_FAILURE() << query << ": no pair " << token << " for " << id;
  return false;
}

TEST(NamesPrecision12, TheExplanationSaysWhatCountedAsWeak) {
  const auto index = index_of({"Mauro Sá Pereira", "MAURO", "MING XIE", "John Smith", "Peter Brown"});
  EXPECT_TRUE(explained_weak(index, "Mauro SA", "MAURO", "sa"));
  EXPECT_FALSE(explained_weak(index, "Mauro Sá Pereira", "Mauro Sá Pereira", "sa"));
  // 德 read from an ideograph is a syllable of a given name, not the particle de.
  EXPECT_FALSE(explained_weak(index, "明德 謝", "MING XIE", "de"));
}

}  // namespace
}  // namespace interdict
