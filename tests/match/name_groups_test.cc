// NameMatcher's groups: one index searched once must answer as a search of each group on
// its own, the earlier group first. And the legal forms and the memo of ICU's readings that
// the search starts from.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "match/match.h"

namespace interdict {
namespace {

// Subjects' and entities' names, as the bundled orders write them: they share words
// ("WeChat", "Tencent", "Technology"), so partial hits of both groups meet.
const std::vector<std::string> kSubjectNames = {
    "WeChat", "Weixin",       "WeChat Pay",           "QQ Wallet", "Tencent QQ", "TikTok",     "Douyin",
    "CapCut", "Lemon8",       "Kaspersky Anti-Virus", "Alipay",    "SHAREit",    "WPS Office", "CamScanner",
    "VMate",  "Tencent Games"};
const std::vector<std::string> kEntityNames = {"Tencent Holdings Limited",
                                               "Shenzhen Tencent Computer Systems Co., Ltd.",
                                               "WeChat International Pte. Ltd.",
                                               "Tenpay Payment Technology Co., Ltd.",
                                               "ByteDance Ltd.",
                                               "Byte Dance",
                                               "Beijing ByteDance Technology Co., Ltd.",
                                               "TikTok Pte. Ltd.",
                                               "Douyin Co., Ltd.",
                                               "Kaspersky Lab",
                                               "AO Kaspersky Lab",
                                               "Tencent Music Entertainment Group",
                                               "字节跳动",
                                               "騰訊控股有限公司"};

// Every name, its runs of words, pairs of names, and names with a word more.
std::vector<std::string> probes() {
  std::vector<std::string> out;
  std::vector<std::string> names = kSubjectNames;
  names.insert(names.end(), kEntityNames.begin(), kEntityNames.end());
  const std::vector<std::string> extra = {"Ltd",        "Co.",   "Holdings",     "International", "Shenzhen", "Pay",
                                          "Technology", "Group", "Maria Garcia", "LLC",           "有限公司"};
  for (const std::string& n : names) {
    std::vector<std::string> words;
    for (std::size_t at = 0; at <= n.size();) {
      const std::size_t space = std::min(n.find(' ', at), n.size());
      words.push_back(n.substr(at, space - at));
      at = space + 1;
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string run;
      for (std::size_t j = i; j < words.size(); ++j) {
        run += (j == i ? "" : " ") + words[j];
        out.push_back(run);
      }
    }
    for (const std::string& e : extra) {
      out.push_back(n + " " + e);
      out.push_back(e + " " + n);
    }
    for (const std::string& m : names) out.push_back(n + " " + m);
  }
  return out;
}

std::string describe(const std::optional<MatchHit>& hit, int group) {
  if (!hit) return "none";
  return "group " + std::to_string(group) + " target " + std::to_string(hit->target) + " `" + std::string(hit->rule) +
         "` " + (hit->exact ? "exact" : "partial");
}

TEST(NameGroups, OneIndexAnswersAsEachGroupSearchedInTurn) {
  NameMatcher both;
  NameMatcher subjects;
  NameMatcher entities;
  for (std::uint32_t i = 0; i < kSubjectNames.size(); ++i) {
    both.add(kSubjectNames[i], i, 0);
    subjects.add(kSubjectNames[i], i);
  }
  for (std::uint32_t i = 0; i < kEntityNames.size(); ++i) {
    both.add(kEntityNames[i], i, 1);
    entities.add(kEntityNames[i], i);
  }
  std::size_t compared = 0;
  std::size_t later_group = 0;
  for (const std::string& p : probes()) {
    const std::optional<NameMatchHit> hit = both.match(p);
    std::string expected;
    if (const std::optional<MatchHit> s = subjects.match(p)) {
      expected = describe(s, 0);
    } else {
      expected = describe(entities.match(p), 1);
    }
    EXPECT_EQ(describe(hit, hit ? hit->group : 0), expected) << p;
    ++compared;
    later_group += hit && hit->group == 1 ? 1 : 0;
  }
  EXPECT_GT(compared, 1000u);
  EXPECT_GT(later_group, 100u) << "the probes must reach the second group too";
}

TEST(NameGroups, AnEarlierGroupsPartialHitComesBeforeALaterGroupsExactHit) {
  NameMatcher m;
  m.add("WeChat", 7, 0);
  m.add("WeChat International Pte. Ltd.", 3, 1);
  // Token for token the entity's name, so its stored answer serves: it must be the subject.
  const auto hit = m.match("WECHAT INTERNATIONAL PTE LTD");
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->group, 0);
  EXPECT_EQ(hit->target, 7u);
  EXPECT_FALSE(hit->exact);
}

TEST(NameGroups, ALaterGroupsExactHitWhenNoEarlierNameIsMet) {
  NameMatcher m;
  m.add("WeChat", 7, 0);
  m.add("Tencent Holdings Limited", 3, 1);
  const auto hit = m.match("Tencent Holdings Ltd.");
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->group, 1);
  EXPECT_EQ(hit->target, 3u);
  EXPECT_TRUE(hit->exact);
}

TEST(NameGroups, TheSameNameInBothGroupsIsTheEarlierGroups) {
  NameMatcher m;
  m.add("TikTok Ltd", 2, 1);
  m.add("TikTok", 5, 0);
  const auto hit = m.match("tiktok");
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->group, 0);
  EXPECT_EQ(hit->target, 5u);
  EXPECT_TRUE(hit->exact);
}

TEST(NameGroups, ANameOfAGroupBeyondTheLastIsIgnored) {
  NameMatcher m;
  m.add("TikTok", 5, NameMatcher::kGroups);
  EXPECT_FALSE(m.match("TikTok").has_value());
}

TEST(NameGroups, TheFirstNameOfAGroupToNormaliseToAFormKeepsIt) {
  NameMatcher m;
  m.add("Byte Dance", 1, 1);
  m.add("ByteDance Ltd.", 2, 1);
  EXPECT_EQ(m.match("bytedance")->target, 1u);
}

TEST(NameLegalForms, FormsSpanningTokensAreDroppedWherever) {
  NameMatcher m;
  EXPECT_EQ(m.normalise("Acme L.L.C. Trading"), "acme trading");
  EXPECT_EQ(m.normalise("Acme Co Ltd"), "acme");
  EXPECT_EQ(m.normalise("Co Ltd Acme"), "acme");
  EXPECT_EQ(m.normalise("Beijing Zijie Tiaodong Keji You Xian Ze Ren Gong Si"), "beijing zijie tiaodong keji");
  EXPECT_EQ(m.normalise("Coltd Acme"), "coltd acme");              // one token, not two forms
  EXPECT_EQ(m.normalise("Cooperative Acme"), "cooperative acme");  // begins like "corp", is none
  EXPECT_EQ(m.normalise("Company Limited"), "company limited");    // nothing else: all kept
}

TEST(NameLegalForms, ALongNameIsServedWhole) {
  NameMatcher m;
  std::string name;
  for (int i = 0; i < 100; ++i) name += (i % 10 == 9 ? "Ltd " : "Word" + std::to_string(i) + " ");
  const std::string normalised = m.normalise(name);
  EXPECT_EQ(normalised.find("ltd"), std::string::npos);
  EXPECT_NE(normalised.find("word98"), std::string::npos);
}

TEST(NameMemo, ANameReadByIcuAnswersAlikeWhenReadAgainAndAfterTheMemoEmpties) {
  NameMatcher m;
  m.add("騰訊控股有限公司", 3, 0);
  m.add("騰訊", 4, 0);
  const auto first = m.match("腾讯控股");
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(first->exact);
  // More distinct names than a thread keeps: the memo empties on the way.
  for (char32_t c = 0x4e00; c < 0x4e00 + 5000; ++c) {
    std::string name = "腾讯";
    name += static_cast<char>(0xe0 | (c >> 12));
    name += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    name += static_cast<char>(0x80 | (c & 0x3f));
    const auto hit = m.match(name);  // "teng xun" and one syllable more: holds 騰訊
    ASSERT_TRUE(hit.has_value()) << name;
    if (hit->target != 3) {
      EXPECT_EQ(hit->target, 4u) << name;
    }
  }
  const auto again = m.match("腾讯控股");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->target, first->target);
  EXPECT_TRUE(again->exact);
  EXPECT_EQ(m.normalise("腾讯控股有限公司"), "teng xun kong gu");
}

}  // namespace
}  // namespace interdict
