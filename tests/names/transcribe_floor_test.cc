// The alignment's floor (transcription_similarity's third argument) is a shortcut, never a
// change of score: a pair that reaches the floor scores as without it, any other is 0. The
// alignment gives up row by row, so pairs of every length and distance are asked here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "names/transcribe.h"

namespace interdict {
namespace {

TEST(NamesTranscribeFloor, AFloorOnlyZeroesWhatFallsUnderIt) {
  const std::vector<std::string> patterns = {
      han_pattern(U"罗德里格斯"),        han_pattern(U"科萨托"),        han_pattern(U"席兹"),
      kana_pattern(U"ロハス"),           kana_pattern(U"ボッジャーリ"), kana_pattern(U"ニコラエヴィチ"),
      kana_pattern(U"ジュヌヴィエーヴ"), han_pattern(U"普京"),          abjad_pattern(U"فيوريلا"),
      abjad_pattern(U"مارتينيز")};
  const std::vector<std::string> tokens = {"rodrigez", "rodriges", "kosato",         "sheets",          "rohas",
                                           "roias",    "bogiali",  "nikolaevich",    "genevieve",       "putin",
                                           "martinez", "abc",      "schwarzenegger", "kostantinopolis", "fiorella",
                                           "fiorela",  "martines"};
  int under = 0;
  int over = 0;
  for (const auto& p : patterns)
    for (const auto& t : tokens) {
      for (const auto source : {PatternSource::kOther, PatternSource::kChinese}) {
        const double full = transcription_similarity(p, t, source);
        for (const double floor : {0.5, 0.8, 0.9}) {
          const double floored = transcription_similarity(p, t, source, floor);
          if (full >= floor) {
            EXPECT_EQ(floored, full) << p << " " << t << " " << floor;
            ++over;
          } else {
            EXPECT_EQ(floored, 0.0) << p << " " << t << " " << floor << " (" << full << ")";
            ++under;
          }
        }
      }
    }
  // Both sides asked: the test says nothing if every pair fell one way.
  EXPECT_GT(under, 20);
  EXPECT_GT(over, 10);
}

}  // namespace
}  // namespace interdict
