// The order language: valid files load, and each kind of invalid file is caught with a
// file:line:col location.
#include <gtest/gtest.h>

#include "order/load_helpers.h"

namespace interdict {
namespace {

using testing::has_error;
using testing::kMinimalOrder;
using testing::load_one;

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

TEST(OrderLanguage, MinimalOrderLoads) {
  auto r = load_one(kMinimalOrder);
  ASSERT_TRUE(r.ok()) << testing::all_errors(r);
  ASSERT_EQ(r.corpus.orders.size(), 1u);
  const Order& o = r.corpus.orders[0];
  EXPECT_EQ(o.id, "test-order");
  ASSERT_EQ(o.prohibitions.size(), 1u);
  EXPECT_EQ(o.prohibitions[0].activities, activity_bit(Activity::kHosting) | activity_bit(Activity::kCdn));
  EXPECT_EQ(o.prohibitions[0].events.size(), 2u);
  EXPECT_EQ(o.events[1].at_text, "2020-09-20T23:59 America/New_York");
  EXPECT_EQ(format_rfc3339(o.events[1].at), "2020-09-21T03:59:00Z");
  const Subject* s = r.corpus.find_subject("acme-app");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->owner, "acme");
  EXPECT_TRUE(r.warnings.empty());
}

TEST(OrderLanguage, TomlSyntaxErrorHasLocation) {
  auto r = load_one("[order\nid = 1\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].where.file, "t.toml");
  EXPECT_EQ(r.errors[0].where.line, 1u);
}

TEST(OrderLanguage, UnknownKeySuggestsTheKnownOne) {
  auto r = load_one(replace(kMinimalOrder, "title = \"Test order\"", "titel = \"Test order\""));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "unknown key `titel` (did you mean `title`?)")) << testing::all_errors(r);
  EXPECT_TRUE(has_error(r, "t.toml:4:1: unknown key")) << testing::all_errors(r);
}

TEST(OrderLanguage, UnknownActivity) {
  auto r = load_one(replace(kMinimalOrder, "[\"hosting\", \"cdn\"]", "[\"hostng\", \"cdn\"]"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "unknown activity `hostng` (did you mean `hosting`?)")) << testing::all_errors(r);
}

TEST(OrderLanguage, EventNamingUnknownProhibition) {
  std::string text = replace(kMinimalOrder, "id = \"effective\"\nkind = \"effective\"",
                             "id = \"effective\"\nkind = \"effective\"\ntargets = [\"7\"]");
  auto r = load_one(text);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "event `effective` names unknown prohibition `7`")) << testing::all_errors(r);
}

TEST(OrderLanguage, TimeWithoutZone) {
  auto r = load_one(replace(kMinimalOrder, "at = 2020-09-18T00:00:00Z", "at = 2020-09-18T00:00:00"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "time without a zone")) << testing::all_errors(r);
}

TEST(OrderLanguage, BareDateIsTimeWithoutZone) {
  auto r = load_one(replace(kMinimalOrder, "at = 2020-09-18T00:00:00Z", "at = 2020-09-18"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "time without a zone")) << testing::all_errors(r);
}

TEST(OrderLanguage, UnknownZone) {
  auto r = load_one(replace(kMinimalOrder, "America/New_York", "America/Atlantis"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "unknown time zone `America/Atlantis`")) << testing::all_errors(r);
}

TEST(OrderLanguage, DuplicateIdentifierAcrossSubjects) {
  std::string second = R"(
[[subject]]
id = "other-app"
name = "Other"
domain = ["ACME.example."]
source = "x"
confidence = "confirmed"
)";
  auto r = testing::load({{"t.toml", kMinimalOrder}, {"u.toml", second}});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(
      has_error(r, "u.toml:5:11: domain `ACME.example.` points to subject `other-app` and to subject `acme-app`"))
      << testing::all_errors(r);
}

TEST(OrderLanguage, DuplicateIdentifierWithinSubjectIsAWarning) {
  auto r = load_one(replace(kMinimalOrder, "app = [\"com.acme.app\"]", "app = [\"com.acme.app\", \"COM.ACME.APP\"]"));
  EXPECT_TRUE(r.ok()) << testing::all_errors(r);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].message.find("listed twice"), std::string::npos);
}

TEST(OrderLanguage, DuplicateSubjectId) {
  std::string second = "[[subject]]\nid = \"acme-app\"\nname = \"Again\"\nsource = \"x\"\nconfidence = \"confirmed\"\n";
  auto r = testing::load({{"t.toml", kMinimalOrder}, {"u.toml", second}});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "subject `acme-app` is defined twice")) << testing::all_errors(r);
}

TEST(OrderLanguage, UnknownSubjectWithSuggestion) {
  auto r = load_one(replace(kMinimalOrder, "subjects = [\"acme-app\"]", "subjects = [\"acme-ap\"]"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "unknown subject `acme-ap` (did you mean `acme-app`?)")) << testing::all_errors(r);
}

TEST(OrderLanguage, MissingRequiredKey) {
  auto r = load_one(replace(kMinimalOrder, "text = \"Any provision of hosting.\"\n", ""));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "missing required key `text`")) << testing::all_errors(r);
}

TEST(OrderLanguage, MissingSourceIsAnError) {
  auto r = load_one(replace(kMinimalOrder,
                            "source = \"https://example.org/acme\"\nconfidence = \"confirmed\"\n\n[[subject]]",
                            "confidence = \"confirmed\"\n\n[[subject]]"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "missing required key `source`")) << testing::all_errors(r);
}

TEST(OrderLanguage, UnconfirmedWithoutNoteWarns) {
  auto r = load_one(replace(kMinimalOrder, "title = \"Hosting\"\nactivities", "title = \"Hosting\"\nactivities"));
  r = load_one(replace(
      kMinimalOrder,
      "text = \"Any provision of hosting.\"\nsource = \"https://example.org/order\"\nconfidence = \"confirmed\"",
      "text = \"Any provision of hosting.\"\nsource = \"https://example.org/order\"\nconfidence = \"unconfirmed\""));
  EXPECT_TRUE(r.ok()) << testing::all_errors(r);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].message.find("no `note`"), std::string::npos);
}

TEST(OrderLanguage, WrongTypes) {
  auto r = load_one(replace(kMinimalOrder, "asn = [64500]", "asn = [\"AS64500\"]"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "`asn` must be an array of integers")) << testing::all_errors(r);
}

TEST(OrderLanguage, MalformedIdentifiers) {
  auto r = load_one(
      replace(kMinimalOrder, "asn = [64500]", "asn = [64500]\nprefix = [\"10.0.0.0/33\"]\npackage = [\"maven:x\"]"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "`10.0.0.0/33` is not an IPv4 or IPv6 prefix")) << testing::all_errors(r);
  EXPECT_TRUE(has_error(r, "`maven:x` is not a package URL")) << testing::all_errors(r);
}

TEST(OrderLanguage, MalformedSchemesAndSymbols) {
  auto r = load_one(replace(kMinimalOrder, "asn = [64500]",
                            "asn = [64500]\nscheme = [\"9weixin\", \"wei xin\"]\nsymbol = [\"ttq.load\", \"1ttq\"]"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "`9weixin` is not a URL scheme")) << testing::all_errors(r);
  EXPECT_TRUE(has_error(r, "`wei xin` is not a URL scheme")) << testing::all_errors(r);
  EXPECT_TRUE(has_error(r, "`ttq.load` is not a JavaScript identifier")) << testing::all_errors(r);
  EXPECT_TRUE(has_error(r, "`1ttq` is not a JavaScript identifier")) << testing::all_errors(r);
}

TEST(OrderLanguage, SchemesAndSymbolsLoad) {
  auto r = load_one(
      replace(kMinimalOrder, "asn = [64500]", "asn = [64500]\nscheme = [\"weixinULAPI\", \"fb+x-1.2\"]\nsymbol = [\"$ttq_1\"]"));
  EXPECT_TRUE(r.ok()) << testing::all_errors(r);
}

TEST(OrderLanguage, ProhibitionNeedsPublishedAndEffective) {
  std::string text = replace(kMinimalOrder, "kind = \"effective\"", "kind = \"enjoined\"");
  auto r = load_one(text);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "prohibition `1` has no `effective` event")) << testing::all_errors(r);
}

TEST(OrderLanguage, UntilOnlyOnSuspended) {
  auto r = load_one(replace(kMinimalOrder, "recorded = 2020-09-18T00:00:00Z\ntitle = \"Effective\"",
                            "recorded = 2020-09-18T00:00:00Z\nuntil = 2021-01-01T00:00:00Z\ntitle = \"Effective\""));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "`until` belongs only to a `suspended` event")) << testing::all_errors(r);
}

TEST(OrderLanguage, ProhibitionsWithoutOrderTable) {
  std::string text =
      "[[prohibition]]\nid = \"1\"\ntitle = \"x\"\nactivities = [\"cdn\"]\nsubjects = []\ntext = \"x\"\n"
      "source = \"x\"\nconfidence = \"confirmed\"\n";
  auto r = load_one(text);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "need an [order] table")) << testing::all_errors(r);
}

TEST(OrderLanguage, UnknownOwnerAndParent) {
  std::string text = replace(kMinimalOrder, "owner = \"acme\"", "owner = \"acmee\"");
  text = replace(text, "aliases = [\"阿克米\"]", "aliases = [\"阿克米\"]\nparent = [{ id = \"nobody\", share = 0.5 }]");
  auto r = load_one(text);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "unknown owner `acmee` (did you mean `acme`?)")) << testing::all_errors(r);
  EXPECT_TRUE(has_error(r, "unknown parent `nobody`")) << testing::all_errors(r);
}

TEST(OrderLanguage, BundledOrdersLoadWithoutErrors) {
  auto r = load_orders(bundled_orders());
  EXPECT_TRUE(r.ok()) << testing::all_errors(r);
  EXPECT_GE(r.corpus.orders.size(), 5u);
}

}  // namespace
}  // namespace interdict
