// Decisions across every bundled order: the verdict, the governing clause and its state,
// as the law stood at `at` and as it was known at `known_at`.
#include <gtest/gtest.h>

#include "engine/engine_fixture.h"

namespace interdict {
namespace {

using testing::decide;
constexpr auto kDistribute = Activity::kStoreDistribute;
constexpr auto kApp = ProbeKind::kApp;
constexpr auto kDomain = ProbeKind::kDomain;
const char* kTikTok = "com.zhiliaoapp.musically";

TEST(Decide2020TikTok, AppStoreBeforeTheDelayedDateIsScheduled) {
  auto a = decide({kDistribute, kApp, kTikTok, {"US"}, "2020-09-25T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted") << a->reasons();
  EXPECT_EQ(a->status(), "scheduled");
  EXPECT_EQ(a->clause(), "us-2020-tiktok/1");
}

TEST(Decide2020TikTok, AsKnownBeforeTheDelayTheSameDayLookedProhibited) {
  auto a = decide({kDistribute, kApp, kTikTok, {"US"}, "2020-09-25T12:00:00Z", "2020-09-18T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited") << a->reasons();
  EXPECT_EQ(a->status(), "in_force");
  EXPECT_EQ(a->clause(), "us-2020-tiktok/1");
}

TEST(Decide2020TikTok, EnjoinedOnTheDayItWouldHaveTakenEffect) {
  auto a = decide({kDistribute, kApp, kTikTok, {"US"}, "2020-09-28T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted");
  EXPECT_EQ(a->status(), "enjoined");
  EXPECT_NE(a->reasons().find("enjoined-ddc-1"), std::string::npos) << a->reasons();
}

TEST(Decide2020TikTok, BeforeTheInjunctionWasKnownItWasInForce) {
  auto a = decide({kDistribute, kApp, kTikTok, {"US"}, "2020-09-28T12:00:00Z", "2020-09-26T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited") << a->reasons();
  EXPECT_EQ(a->status(), "in_force");
}

TEST(Decide2020TikTok, HostingEnjoinedByMarland) {
  auto a = decide({Activity::kHosting, kDomain, "www.tiktok.com", {"US"}, "2020-11-13T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted");
  EXPECT_EQ(a->status(), "enjoined");
  EXPECT_EQ(a->clause(), "us-2020-tiktok/2");
}

TEST(Decide2020TikTok, HostingAsKnownBeforeMarlandWasInForce) {
  auto a =
      decide({Activity::kHosting, kDomain, "www.tiktok.com", {"US"}, "2020-11-13T12:00:00Z", "2020-10-29T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited") << a->reasons();
  EXPECT_EQ(a->clause(), "us-2020-tiktok/2");
}

TEST(Decide2020TikTok, RevokedAfterEo14034) {
  auto a = decide({Activity::kCdn, kDomain, "p16.tiktokcdn.com", {"US"}, "2021-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted");
  EXPECT_EQ(a->status(), "revoked");
  EXPECT_EQ(a->clause(), "us-2020-tiktok/3");
}

TEST(DecidePafaca, SuspendedEnforcementStillProhibits) {
  auto a = decide({kDistribute, kApp, kTikTok, {"US"}, "2025-02-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited") << a->reasons();
  EXPECT_EQ(a->status(), "suspended");
  EXPECT_EQ(a->clause(), "us-2024-pafaca/2(a)(1)(A)");
  EXPECT_NE(a->reasons().find("remains unlawful"), std::string::npos);
  // The revoked 2020 clause matches too and is listed.
  bool saw_2020 = false;
  for (int i = 0; i < a->finding.match_count; ++i) saw_2020 |= a->finding.matches[i].order->id == "us-2020-tiktok";
  EXPECT_TRUE(saw_2020);
}

TEST(DecidePafaca, BeforeEo14166WasSignedItWasInForce) {
  auto a = decide({kDistribute, kApp, kTikTok, {"US"}, "2025-01-19T12:00:00Z", "2025-01-19T18:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited");
  EXPECT_EQ(a->status(), "in_force");
}

TEST(DecidePafaca, AnUpdateIsCovered) {
  auto a = decide({Activity::kStoreUpdate, kApp, "835599320", {"US"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited");
  EXPECT_EQ(a->clause(), "us-2024-pafaca/2(a)(1)(A)");
}

TEST(DecidePafaca, HostingIsCovered) {
  auto a = decide({Activity::kHosting, kDomain, "api16-core-c-alisg.tiktokv.com", {"US"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited") << a->reasons();
  EXPECT_EQ(a->clause(), "us-2024-pafaca/2(a)(1)(B)");
}

TEST(DecidePafaca, CdnIsNotCovered) {
  auto a = decide({Activity::kCdn, kDomain, "p16.tiktokcdn.com", {"US"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted") << a->reasons();
  EXPECT_EQ(a->clause(), "us-2020-tiktok/3");  // the closest: the revoked 2020 clause
  EXPECT_EQ(a->status(), "revoked");
}

TEST(DecidePafaca, OutsideTheUnitedStatesIsOutOfScope) {
  auto a = decide({kDistribute, kApp, kTikTok, {"CA"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted");
  EXPECT_NE(a->reasons().find("outside the clause"), std::string::npos) << a->reasons();
}

TEST(DecidePafaca, ATerritoryIsInScope) {
  auto a = decide({kDistribute, kApp, kTikTok, {"PR"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited");
}

TEST(DecidePafaca, AnyCountryInScopeSuffices) {
  auto a = decide({kDistribute, kApp, kTikTok, {"CN", "us"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited");
}

TEST(DecidePafaca, NoCountryMeansReview) {
  auto a = decide({kDistribute, kApp, kTikTok, {}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "review");
  EXPECT_NE(a->reasons().find("names no country"), std::string::npos);
}

TEST(DecidePafaca, NotYetPublishedIsNotKnown) {
  auto a = decide({kDistribute, kApp, kTikTok, {"US"}, "2025-07-01T00:00:00Z", "2024-01-01T00:00:00Z"});
  EXPECT_EQ(a->clause(), "us-2020-tiktok/1");
  EXPECT_EQ(a->status(), "revoked");
}

TEST(Decide2020WeChat, EnjoinedBeforeItTookEffect) {
  auto a = decide({Activity::kPayment, kApp, "com.tencent.mm", {"US"}, "2020-09-22T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted");
  EXPECT_EQ(a->status(), "enjoined");
  EXPECT_EQ(a->clause(), "us-2020-wechat/2");
}

TEST(Decide2020WeChat, AsAnnouncedHostingWasToBeProhibited) {
  auto a = decide(
      {Activity::kHosting, kDomain, "long.weixin.qq.com", {"US"}, "2020-09-22T00:00:00Z", "2020-09-18T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited") << a->reasons();
  EXPECT_EQ(a->clause(), "us-2020-wechat/3");
}

TEST(Decide2020WeChat, QqComAsAWholeIsNotWeChat) {
  auto a = decide({Activity::kHosting, kDomain, "www.qq.com", {"US"}, "2020-09-22T00:00:00Z", "2020-09-18T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted") << a->reasons();
  EXPECT_EQ(a->status(), "none");
}

TEST(Decide2020WeChat, LabelBoundary) {
  auto a =
      decide({Activity::kHosting, kDomain, "notweixin.qq.com", {"US"}, "2020-09-22T00:00:00Z", "2020-09-18T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted") << a->reasons();
  auto b = decide({Activity::kHosting, kDomain, "xtiktok.com", {"US"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(b->verdict(), "permitted");
  EXPECT_EQ(b->status(), "none");
}

TEST(Decide2020WeChat, TencentGamesAreExempt) {
  auto a =
      decide({Activity::kHosting, kDomain, "www.midasbuy.com", {"US"}, "2020-09-22T00:00:00Z", "2020-09-18T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted") << a->reasons();
  EXPECT_NE(a->reasons().find("exempt"), std::string::npos) << a->reasons();
}

TEST(Decide2020WeChat, TheOwnerIsNotDesignated) {
  auto a = decide({Activity::kPayment,
                   ProbeKind::kName,
                   "Tencent Holdings Limited",
                   {"US"},
                   "2020-09-22T00:00:00Z",
                   "2020-09-18T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted") << a->reasons();
  EXPECT_NE(a->reasons().find("not their owner's other businesses"), std::string::npos) << a->reasons();
}

TEST(Decide2020WeChat, ActivityNotCovered) {
  auto a = decide(
      {Activity::kSoftwareUpdate, kApp, "com.tencent.mm", {"US"}, "2020-09-22T00:00:00Z", "2020-09-18T12:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted");
  EXPECT_EQ(a->status(), "none");
  EXPECT_NE(a->reasons().find("do not cover `software.update`"), std::string::npos) << a->reasons();
}

TEST(DecideEo13971, DesignatedButNothingIdentified) {
  auto a = decide({Activity::kPayment, ProbeKind::kId, "alipay", {"US"}, "2021-03-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted");
  EXPECT_EQ(a->status(), "none");
  EXPECT_NE(a->reasons().find("identified no prohibited transaction"), std::string::npos) << a->reasons();
}

TEST(DecideKaspersky, NewAgreementsFromJuly) {
  auto a = decide({Activity::kSoftwareSupply, ProbeKind::kId, "kaspersky-security", {"US"}, "2024-08-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited") << a->reasons();
  EXPECT_EQ(a->clause(), "us-2024-kaspersky/new-agreements");
}

TEST(DecideKaspersky, UpdatesOnlyFromSeptember29) {
  auto before =
      decide({Activity::kSoftwareUpdate, ProbeKind::kId, "kaspersky-security", {"US"}, "2024-08-01T00:00:00Z"});
  EXPECT_EQ(before->verdict(), "permitted");
  EXPECT_EQ(before->status(), "scheduled");
  auto after =
      decide({Activity::kSoftwareUpdate, ProbeKind::kId, "kaspersky-security", {"US"}, "2024-10-01T00:00:00Z"});
  EXPECT_EQ(after->verdict(), "prohibited");
  EXPECT_EQ(after->status(), "in_force");
}

TEST(DecideKaspersky, ThreatIntelligenceIsNotCovered) {
  auto a = decide(
      {Activity::kSoftwareSupply, ProbeKind::kId, "kaspersky-threat-intelligence", {"US"}, "2024-10-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted") << a->reasons();
}

TEST(DecideNames, ExactNameOfASubjectDecides) {
  auto a = decide({kDistribute, ProbeKind::kName, "TikTok", {"US"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited") << a->reasons();
}

TEST(DecideNothing, UnknownIdentifierIsPermittedWithAReason) {
  auto a = decide({kDistribute, kApp, "org.mozilla.firefox", {"US"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "permitted");
  EXPECT_EQ(a->status(), "none");
  EXPECT_NE(a->reasons().find("no designated subject matches app `org.mozilla.firefox`"), std::string::npos);
}

// A URL in a string constant may only link to the service: the engine, not each scan, makes
// such a mention `review`.
TEST(DecideStrength, AUrlThatIsUsedProhibits) {
  auto a = testing::decide(
      {Activity::kHosting, ProbeKind::kUrl, "https://www.tiktok.com/embed/v2", {"US"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "prohibited") << a->reasons();
}

TEST(DecideStrength, AUrlThatIsOnlyMentionedIsReview) {
  auto a = testing::decide({Activity::kHosting,
                            ProbeKind::kUrl,
                            "https://www.tiktok.com/embed/v2",
                            {"US"},
                            "2025-07-01T00:00:00Z",
                            nullptr,
                            Strength::kMention});
  EXPECT_EQ(a->verdict(), "review") << a->reasons();
  EXPECT_EQ(a->clause(), "us-2024-pafaca/2(a)(1)(B)") << a->reasons();
  EXPECT_NE(a->reasons().find("only mentioned in the evidence"), std::string::npos) << a->reasons();
  EXPECT_NE(a->reasons().find("does not show it in use"), std::string::npos) << a->reasons();
}

TEST(DecideStrength, AMentionedIdIsReviewToo) {
  auto a = testing::decide({Activity::kStoreDistribute,
                            ProbeKind::kId,
                            "tiktok",
                            {"US"},
                            "2025-07-01T00:00:00Z",
                            nullptr,
                            Strength::kMention});
  EXPECT_EQ(a->verdict(), "review") << a->reasons();
}

TEST(DecideStrength, AMentionNeverTurnsPermittedIntoReview) {
  auto a = testing::decide({Activity::kHosting,
                            ProbeKind::kUrl,
                            "https://www.tiktok.com/",
                            {"US"},
                            "2021-07-01T00:00:00Z",
                            nullptr,
                            Strength::kMention});
  EXPECT_EQ(a->verdict(), "permitted") << a->reasons();
}

}  // namespace
}  // namespace interdict

namespace interdict {
namespace {

// A store title equal to a designated app's name is a lead, not an identification.
TEST(DecideNames, ATitleAloneIsReviewNeverProhibited) {
  auto a = testing::decide({Activity::kStoreDistribute, ProbeKind::kTitle, "TikTok", {"US"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "review") << a->reasons();
  EXPECT_EQ(a->clause(), "us-2024-pafaca/2(a)(1)(A)");
}

}  // namespace
}  // namespace interdict
