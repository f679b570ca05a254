// The consonant bound on a transcription alignment (transcribe_bound.h) must be exact: a
// pair it rejects is one transcription_similarity scores below the floor. Checked on real
// pairs: the kana and Han spellings in rigour's name groups, read into patterns as a query
// is, against the Latin spellings of their own group (pairs that reach the floor) and of
// other groups (most of which do not).
#include "names/transcribe_bound.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "names/names.h"
#include "names/normalise.h"
#include "names/score.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

struct Group {
  std::vector<std::string> patterns;
  std::vector<std::string> tokens;  // the Latin spellings' tokens, as the index reads them
};

std::vector<Group> rigour_groups() {
  std::ifstream in(std::string(INTERDICT_SHARED_DATA) +
                   "/motiva/crates/libmotiva/assets/excerpts/rigour_data/names/persons.txt");
  std::vector<Group> out;
  std::string line;
  while (std::getline(in, line)) {
    const auto arrow = line.find(" => ");
    if (arrow == std::string::npos) continue;
    Group g;
    std::string rest = line.substr(0, arrow);
    while (!rest.empty()) {
      const auto comma = rest.find(", ");
      const std::string name = rest.substr(0, comma);
      rest = comma == std::string::npos ? "" : rest.substr(comma + 2);
      const auto query = normalise_query(name);
      // Abjad patterns have a bound of their own inside their alignment (abjad_align.cc).
      for (const auto& t : query.transcribed)
        if (t.pattern && !is_abjad_pattern(t.text)) g.patterns.push_back(t.text);
      // The first Latin spelling is enough: the others are near it.
      if (!query.transcribed.empty() || !g.tokens.empty()) continue;
      for (const auto& reading : normalise_name(name))
        for (const auto& token : reading) g.tokens.push_back(token);
    }
    if (!g.patterns.empty() && !g.tokens.empty()) out.push_back(std::move(g));
  }
  return out;
}

struct Tally {
  std::size_t pairs = 0;
  std::size_t reaching = 0;  // pairs at the floor or above
  std::size_t rejected = 0;  // pairs the bound rejects
  std::size_t wrong = 0;     // rejected, yet reaching
  std::size_t tight = 0;     // reaching, and rejected by a bound one larger
  void check(const std::string& pattern, const std::string& token) {
    const double sim = transcription_similarity(pattern, token);
    const bool reaches = sim >= kTranscriptionFloor;
    const bool may = transcription_may_reach(pattern, token, kTranscriptionFloor);
    ++pairs;
    reaching += reaches ? 1 : 0;
    rejected += may ? 0 : 1;
    if (!may && reaches && ++wrong <= 5) ADD_FAILURE() << pattern << " / " << token << " scores " << sim;
    const std::size_t required = std::count_if(pattern.begin(), pattern.end(), [](char c) { return c >= 'a'; });
    const double length = static_cast<double>(std::max(std::min<std::size_t>(token.size(), 32), required));
    const double floor = transcription_cost_floor(pattern, token);
    if (reaches && token.size() >= 3 && 1.0 - (floor + 1) / length < kTranscriptionFloor) ++tight;
  }
};

TEST(NamesTranscribeBound, RejectsOnlyPairsBelowTheFloorOnRigourGroups) {
  const auto groups = rigour_groups();
  ASSERT_GT(groups.size(), 300U);
  Tally tally;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const auto& pattern : groups[g].patterns) {
      for (const auto& token : groups[g].tokens) tally.check(pattern, token);
      // Other groups' tokens: what a candidate form of another name holds.
      for (std::size_t o = (g * 7) % 13; o < groups.size(); o += 13)
        for (const auto& token : groups[o].tokens) tally.check(pattern, token);
    }
  }
  EXPECT_EQ(tally.wrong, 0U);
  EXPECT_GT(tally.pairs, 20000U);
  EXPECT_GT(tally.reaching, 200U);
  // Worth its cost: most pairs are rejected without aligning.
  EXPECT_GT(tally.rejected, tally.pairs / 2);
  // And as strong as it may be: one more on the floor would reject pairs that reach.
  EXPECT_GT(tally.tight, 0U);
}

TEST(NamesTranscribeBound, CountsConsonantsWithNoPartner) {
  // 科萨托 "kosato" and CORSATO: every consonant has its own or its class on the other side.
  EXPECT_EQ(transcription_cost_floor("kosato", "corsato"), 0);
  // v and m have nothing alike in "kosato", nor k and s in VLADIMIR (d is t's class).
  EXPECT_EQ(transcription_cost_floor("kosato", "vladimir"), 2);
  // Spelling rules count as partners: z for ts, ch for k, c for ch.
  EXPECT_EQ(transcription_cost_floor("tsU", "z"), 0);
  EXPECT_EQ(transcription_cost_floor("pinokio", "pinocchio"), 0);
  EXPECT_EQ(transcription_cost_floor("chiampi", "ciampi"), 0);
  // r, h and optional letters are free to leave out; a list g may be silent.
  EXPECT_EQ(transcription_cost_floor("rohA", "oa"), 0);
  EXPECT_EQ(transcription_cost_floor("ania", "agnia"), 0);
  // The alignment's cheap pairs in context: a Spanish j for h (罗哈斯 Rojas), a final z
  // for s (Rodríguez), ck for k (Seccaroni).
  EXPECT_GE(transcription_similarity("rohas", "rojas"), kTranscriptionFloor);
  EXPECT_EQ(transcription_cost_floor("rohas", "rojas"), 0);
  EXPECT_EQ(transcription_cost_floor("rodorigesu", "rodriguez"), 0);
  EXPECT_EQ(transcription_cost_floor("sekaroni", "seckaroni"), 0);
}

TEST(NamesTranscribeBound, KanaPartnersCountOnlyInContext) {
  // ジ is the list's zh, so a z before h may pair with the pattern's i; a z alone may not.
  EXPECT_EQ(transcription_cost_floor("iaia", "zhazha"), 0);
  EXPECT_EQ(transcription_cost_floor("iaia", "zaza"), 2);
  // ウ is a v before a consonant only.
  EXPECT_EQ(transcription_cost_floor("urad", "vrad"), 0);
  EXPECT_EQ(transcription_cost_floor("uara", "vara"), 1);
  // チ and ジ are ti and di, not ta and da.
  EXPECT_EQ(transcription_cost_floor("chiji", "tidi"), 0);
  EXPECT_EQ(transcription_cost_floor("chaja", "tada"), 2);
}

TEST(NamesTranscribeBound, GivesNoBoundForUppercaseClassLetters) {
  // The alignment reads a stray "B" as the class of b p f v: b for B costs 0.4, not 1.
  EXPECT_GE(transcription_similarity("kBbbbb", "kbbbbb"), kTranscriptionFloor);
  EXPECT_EQ(transcription_cost_floor("kBbbbb", "kbbbbb"), 0);
  EXPECT_EQ(transcription_cost_floor("kbbbbb", "kBbbbb"), 0);
  EXPECT_TRUE(transcription_may_reach("ppTppp", "pptppp", kTranscriptionFloor));
}

TEST(NamesTranscribeBound, KeepsShortTokensAndPairsAtTheFloor) {
  EXPECT_TRUE(transcription_may_reach("kosato", "ab", kTranscriptionFloor));  // compared whole
  EXPECT_TRUE(transcription_may_reach("kosato", "kosato", kTranscriptionFloor));
  EXPECT_FALSE(transcription_may_reach("kosato", "vladimir", kTranscriptionFloor));
  // One consonant apart in five letters is exactly 0.8: kept, as the similarity keeps it.
  EXPECT_TRUE(transcription_may_reach("bados", "badom", kTranscriptionFloor));
}

}  // namespace
}  // namespace interdict
