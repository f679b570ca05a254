#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "match/match.h"

namespace interdict {
namespace {

TEST(NameMatcher, NormaliseDropsLegalFormAndPunctuation) {
  NameMatcher m;
  EXPECT_EQ(m.normalise("ByteDance Ltd."), "bytedance");
  EXPECT_EQ(m.normalise("Tencent Holdings Limited"), "tencent holdings");
  EXPECT_EQ(m.normalise("Beijing Kuaishou Technology Co., Ltd."), "beijing kuaishou technology");
  EXPECT_EQ(m.normalise("Example L.L.C."), "example");
  EXPECT_EQ(m.normalise("Nestlé S.A."), "nestle");
}

TEST(NameMatcher, NormaliseKeepsANameMadeOnlyOfLegalForms) {
  NameMatcher m;
  EXPECT_EQ(m.normalise("Company Limited"), "company limited");
}

TEST(NameMatcher, NormaliseFoldsWidthAndAccents) {
  NameMatcher m;
  EXPECT_EQ(m.normalise("ＴｉｋＴｏｋ"), "tiktok");
  EXPECT_EQ(m.normalise("Zìjié Tiàodòng"), "zijie tiaodong");
}

TEST(NameMatcher, NormaliseTransliteratesHan) {
  NameMatcher m;
  EXPECT_EQ(m.normalise("字节跳动"), "zi jie tiao dong");
  EXPECT_EQ(m.normalise("腾讯控股有限公司"), "teng xun kong gu");
  EXPECT_EQ(m.normalise("北京字节跳动科技有限公司"), "bei jing zi jie tiao dong ke ji");
  EXPECT_EQ(m.normalise("股份有限公司"), "gu fen you xian gong si");
}

TEST(NameMatcher, NormaliseTransliteratesCyrillic) {
  NameMatcher m;
  EXPECT_EQ(m.normalise("ВКонтакте ООО"), "vkontakte");
}

TEST(NameMatcher, SameNameWithLegalFormsIsExact) {
  NameMatcher m;
  m.add("ByteDance Ltd.", 1);
  const auto hit = m.match("Bytedance Ltd");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "bytedance");
  EXPECT_TRUE(hit->exact);
  EXPECT_TRUE(m.match("BYTEDANCE, INC.")->exact);
}

TEST(NameMatcher, SpacedAndJoinedFormsMeet) {
  NameMatcher m;
  m.add("ByteDance", 1);
  const auto hit = m.match("Byte Dance");
  ASSERT_TRUE(hit);
  EXPECT_TRUE(hit->exact);
}

TEST(NameMatcher, TraditionalMatchesSimplified) {
  NameMatcher m;
  m.add("腾讯", 1);
  const auto hit = m.match("騰訊");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "teng xun");
  EXPECT_TRUE(hit->exact);
}

TEST(NameMatcher, PinyinWithTonesMatchesHan) {
  NameMatcher m;
  m.add("字节跳动", 1);
  const auto hit = m.match("Zìjié Tiàodòng");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_TRUE(hit->exact);
}

TEST(NameMatcher, HanMatchesPinyinAlias) {
  NameMatcher m;
  m.add("Tengxun Konggu Youxian Gongsi", 1);
  const auto hit = m.match("腾讯控股有限公司");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "tengxun konggu");
  EXPECT_TRUE(hit->exact);
}

TEST(NameMatcher, ProbeContainingANameIsPartial) {
  NameMatcher m;
  m.add("TikTok", 1);
  const auto hit = m.match("TikTok Pte Ltd Singapore Branch");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "tiktok");
  EXPECT_FALSE(hit->exact);
}

TEST(NameMatcher, NameContainingTheProbeIsPartial) {
  NameMatcher m;
  m.add("TikTok Pte Ltd Singapore Branch", 1);
  const auto hit = m.match("TikTok");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_FALSE(hit->exact);
}

TEST(NameMatcher, ContainmentIgnoresTokenOrder) {
  NameMatcher m;
  m.add("Tencent Holdings", 1);
  const auto hit = m.match("Holdings of Tencent (Shenzhen)");
  ASSERT_TRUE(hit);
  EXPECT_FALSE(hit->exact);
}

TEST(NameMatcher, SyllablesContainingAJoinedNameArePartial) {
  NameMatcher m;
  m.add("Zijie Tiaodong", 1);
  const auto hit = m.match("北京字节跳动科技有限公司");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_FALSE(hit->exact);
}

TEST(NameMatcher, JoinedProbeInsideASyllableNameIsPartial) {
  NameMatcher m;
  m.add("北京字节跳动科技有限公司", 1);
  const auto hit = m.match("Zijie Tiaodong");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_FALSE(hit->exact);
}

TEST(NameMatcher, ShortSingleTokenNameIsNotContained) {
  NameMatcher m;
  m.add("QQ", 1);
  m.add("Weibo", 2);
  EXPECT_FALSE(m.match("QQ Music Ltd"));
  EXPECT_TRUE(m.match("Weibo Corp International"));
  EXPECT_TRUE(m.match("QQ")->exact);
}

TEST(NameMatcher, ShortSingleTokenProbeIsNotContained) {
  NameMatcher m;
  m.add("QQ International", 1);
  EXPECT_FALSE(m.match("QQ"));
}

TEST(NameMatcher, TokensMustMatchWhole) {
  NameMatcher m;
  m.add("TikTok", 1);
  EXPECT_FALSE(m.match("TikToker Studios"));
  EXPECT_FALSE(m.match("MyTikTok"));
}

TEST(NameMatcher, UnrelatedNamesDoNotMatch) {
  NameMatcher m;
  m.add("ByteDance", 1);
  m.add("Tencent Holdings", 2);
  EXPECT_FALSE(m.match("Alibaba Group Holding"));
  EXPECT_FALSE(m.match("Tencent Music"));
  EXPECT_FALSE(m.match(""));
  EXPECT_FALSE(m.match("Ltd."));
}

TEST(NameMatcher, ExactBeatsPartial) {
  NameMatcher m;
  m.add("TikTok", 1);
  m.add("TikTok Singapore", 2);
  EXPECT_EQ(m.match("TikTok")->target, 1u);
  EXPECT_EQ(m.match("TikTok Singapore Pte. Ltd.")->target, 2u);
}

TEST(NameMatcher, LongestPartialWins) {
  NameMatcher m;
  m.add("TikTok", 1);
  m.add("TikTok Singapore", 2);
  const auto hit = m.match("TikTok Singapore Branch");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 2u);
  EXPECT_FALSE(hit->exact);
}

TEST(NameMatcher, FirstNameForAFormKeepsIt) {
  NameMatcher m;
  m.add("ByteDance Ltd", 1);
  m.add("Byte Dance Inc.", 2);
  const auto hit = m.match("bytedance");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
}

TEST(NameMatcher, MovedMatcherStillMatches) {
  NameMatcher a;
  a.add("ByteDance", 1);
  NameMatcher b(std::move(a));
  EXPECT_TRUE(b.match("ByteDance Ltd"));
  NameMatcher c;
  c = std::move(b);
  EXPECT_TRUE(c.match("ByteDance Ltd"));
}

TEST(NameMatcher, InvalidUtf8DoesNotMatchOrCrash) {
  NameMatcher m;
  m.add("ByteDance", 1);
  EXPECT_FALSE(m.match("\xff\xfe\x80"));
  EXPECT_TRUE(m.match("ByteDance\xff"));
}

TEST(NameMatcher, ConcurrentMatchesAgree) {
  NameMatcher m;
  m.add("字节跳动", 1);
  m.add("腾讯", 2);
  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m, &found, t] {
      for (int i = 0; i < 50; ++i) {
        if (m.match(t % 2 == 0 ? "Zìjié Tiàodòng" : "騰訊")) ++found[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(found[t], 50) << t;
}

}  // namespace
}  // namespace interdict
