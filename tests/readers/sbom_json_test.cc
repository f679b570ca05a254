// CycloneDX JSON and SPDX JSON: the real SBOMs in the shared data, fixtures naming
// designated SDKs, and damaged documents (truncated, wrong types, deep, invalid UTF-8).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "match/match.h"
#include "sbom_collector.h"

namespace interdict {
namespace {

using testing_manifest::Collector;
using testing_manifest::read;
using testing_manifest::shared_file;

// Expected counts come from jq, independent of simdjson:
//   jq '[(.metadata.component // empty), (.components[]? | recurse(.components[]?))] | length'
TEST(SbomCycloneDxJson, SharedFilesYieldEveryComponent) {
  const std::pair<const char*, std::size_t> files[] = {
      {"sbom/cyclonedx_cern-lhc-vdm-editor_bom.json", 44},
      {"sbom/cyclonedx_laravel-7.12.0_bom.1.4.json", 63},
      {"sbom/cyclonedx_proton-bridge-v1.8.0.bom.json", 202},
  };
  for (const auto& [file, count] : files) {
    const Collector c = read(ManifestFormat::kCycloneDxJson, shared_file(file), file);
    EXPECT_EQ(c.items.size(), count) << file;
    EXPECT_TRUE(c.damages.empty()) << file << ": " << (c.damages.empty() ? "" : c.damages[0].reason);
    ASSERT_FALSE(c.items.empty());
    EXPECT_EQ(c.items[0].path, file);
  }
}

TEST(SbomCycloneDxJson, MetadataComponentIsSelfWithItsLine) {
  const std::string text = shared_file("sbom/cyclonedx_cern-lhc-vdm-editor_bom.json");
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  const auto* self = c.find("pkg:npm/lhc-vdm-editor@0.0.1");
  ASSERT_NE(self, nullptr);
  EXPECT_EQ(self->role, "self");
  EXPECT_EQ(self->version, "0.0.1");
  EXPECT_EQ(text[self->offset], '{');
  EXPECT_EQ(self->line, 1 + std::count(text.begin(), text.begin() + static_cast<long>(self->offset), '\n'));
  const auto* puppeteer = c.find("pkg:npm/puppeteer@1.19.0");
  ASSERT_NE(puppeteer, nullptr);
  EXPECT_EQ(puppeteer->role, "dependency");
  EXPECT_EQ(puppeteer->line, 46u);  // `sed -n 46p` of the file is the component's "{"
}

TEST(SbomCycloneDxJson, GoPurlsAreKeptAsGiven) {
  const Collector c = read(ManifestFormat::kCycloneDxJson, shared_file("sbom/cyclonedx_proton-bridge-v1.8.0.bom.json"));
  const auto* first = c.find("pkg:golang/github.com/0xAX/notificator@v0.0.0-20191016112426-3962a5ea8da1");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->version, "v0.0.0-20191016112426-3962a5ea8da1");
  EXPECT_EQ(first->component, "github.com/0xAX/notificator");
}

constexpr std::string_view kDesignated = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.5",
  "metadata": {"component": {"type": "application", "name": "demo-app", "version": "1.0.0"}},
  "components": [
    {"type": "library", "group": "com.tencent.mm.opensdk", "name": "wechat-sdk-android", "version": "6.8.0",
     "purl": "  pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0 "},
    {"type": "library", "name": "TikTokOpenSDK", "version": "5.0.0", "purl": "pkg:cocoapods/TikTokOpenSDK@5.0.0",
     "components": [{"type": "library", "name": "Core", "bom-ref": "pkg:cocoapods/TikTokOpenSDK@5.0.0#Core"}]},
    {"type": "library", "group": "com.tiktok.open.sdk", "name": "tiktok-open-sdk-core", "version": "2.0.0"},
    {"type": "library", "group": "@tiktok", "name": "pixel", "version": "1.2.0"},
    {"type": "library", "name": "left-pad", "version": "1.3.0", "purl": "pkg:npm/left-pad@1.3.0"}
  ]
})";

TEST(SbomCycloneDxJson, DesignatedSdksComeOutAsPurls) {
  const Collector c = read(ManifestFormat::kCycloneDxJson, kDesignated);
  EXPECT_TRUE(c.damages.empty());
  EXPECT_EQ(c.values(), (std::vector<std::string>{
                            "pkg:generic/demo-app@1.0.0",
                            "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
                            "pkg:cocoapods/TikTokOpenSDK@5.0.0#Core",
                            "pkg:cocoapods/TikTokOpenSDK@5.0.0",
                            "pkg:maven/com.tiktok.open.sdk/tiktok-open-sdk-core@2.0.0",
                            "pkg:npm/%40tiktok/pixel@1.2.0",
                            "pkg:npm/left-pad@1.3.0",
                        }));
  EXPECT_EQ(c.items[0].role, "self");
  EXPECT_EQ(c.items[1].component, "com.tencent.mm.opensdk:wechat-sdk-android");
  EXPECT_EQ(c.items[1].version, "6.8.0");
  EXPECT_EQ(c.items[1].line, 5u);
  EXPECT_EQ(c.items[5].component, "@tiktok/pixel");
}

// The purls must be the ones the orders' package patterns match (orders/tencent.toml,
// orders/bytedance.toml).
TEST(SbomCycloneDxJson, DesignatedPurlsMatchTheOrdersPatterns) {
  PackageMatcher matcher;
  matcher.add("pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android*", 1);
  matcher.add("pkg:cocoapods/TikTokOpenSDK", 2);
  matcher.add("pkg:maven/com.tiktok.open.sdk/*", 3);
  matcher.add("pkg:npm/@tiktok/pixel", 4);
  const Collector c = read(ManifestFormat::kCycloneDxJson, kDesignated);
  std::vector<std::uint32_t> hits;
  for (const auto& item : c.items) {
    const auto hit = matcher.match(item.value);
    hits.push_back(hit ? hit->target : 0);
  }
  EXPECT_EQ(hits, (std::vector<std::uint32_t>{0, 1, 2, 2, 3, 4, 0}));
}

TEST(SbomCycloneDxJson, TruncatedInsideAStringKeepsTheComponentsBefore) {
  const std::string text = R"({"bomFormat":"CycloneDX","components":[{"name":"a","purl":"pkg:npm/a@1"},)"
                           "\n"
                           R"({"name":"b","purl":"pkg:npm/b@2"},{"name":"c","pur)";
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:npm/a@1", "pkg:npm/b@2"}));
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
  EXPECT_EQ(c.damages[0].offset, text.size());
  EXPECT_EQ(c.damages[0].line, 2u);
  EXPECT_NE(c.damages[0].reason.find("json ends early, inside a string"), std::string::npos) << c.damages[0].reason;
}

TEST(SbomCycloneDxJson, TruncatedInsideANestedObjectDropsTheUnfinishedComponent) {
  // "c" has a name but its purl would come after the hashes: it must not come out as generic.
  const std::string text =
      R"({"bomFormat":"CycloneDX","components":[{"name":"a","purl":"pkg:npm/a@1"},{"name":"c","hashes":[{"alg":"SHA-1")";
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:npm/a@1"}));
  ASSERT_EQ(c.fatal_count(), 1u);
  EXPECT_EQ(c.damages.back().offset, text.size());
}

TEST(SbomCycloneDxJson, TruncatedRealFileYieldsAPrefixOfTheWhole) {
  const std::string text = shared_file("sbom/cyclonedx_proton-bridge-v1.8.0.bom.json");
  const Collector whole = read(ManifestFormat::kCycloneDxJson, text);
  const std::string cut = text.substr(0, text.size() / 2);
  const Collector c = read(ManifestFormat::kCycloneDxJson, cut);
  ASSERT_GT(c.items.size(), 50u);
  ASSERT_LT(c.items.size(), whole.items.size());
  for (std::size_t i = 0; i < c.items.size(); ++i) EXPECT_EQ(c.items[i].value, whole.items[i].value);
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
  EXPECT_EQ(c.damages[0].line, 1 + std::count(cut.begin(), cut.end(), '\n'));
}

TEST(SbomCycloneDxJson, WrongTypesAreLocalDamageAndTheRestIsRead) {
  const std::string text = R"({"bomFormat":"CycloneDX","metadata":"none","components":[
    7,
    {"name": 5, "purl": "pkg:npm/x@1"},
    {"name": "y", "version": ["1"], "purl": "pkg:npm/y@2"},
    {"version": "1"},
    {"name": "z", "components": "none"}
  ]})";
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:npm/x@1", "pkg:npm/y@2", "pkg:generic/z"}));
  std::vector<std::string> reasons;
  for (const auto& d : c.damages) {
    EXPECT_FALSE(d.fatal) << d.reason;
    reasons.push_back(d.reason);
  }
  EXPECT_EQ(reasons, (std::vector<std::string>{"`metadata` is not an object", "component is not an object",
                                               "`name` is not a string", "`version` is not a string",
                                               "component without name or purl", "`components` is not an array"}));
  EXPECT_EQ(c.items[1].version, "2");  // from the purl, since "version" was unusable
  EXPECT_EQ(c.damages[1].line, 2u);
}

TEST(SbomCycloneDxJson, NestingPast64LevelsIsSkippedWithOneDamage) {
  std::string text = R"({"bomFormat":"CycloneDX","components":)";
  for (int i = 0; i < 100; ++i) text += R"([{"name":"n)" + std::to_string(i) + R"(","components":)";
  text += "[]";
  for (int i = 0; i < 100; ++i) text += "}]";
  text += "}";
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  EXPECT_EQ(c.items.size(), 64u);
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_EQ(c.damages[0].reason, "components nested deeper than 64 levels, skipped");
  EXPECT_FALSE(c.damages[0].fatal);
}

// simdjson skips what is not read without recursing, so depth outside the walk costs nothing.
TEST(SbomCycloneDxJson, DeepArraysOutsideComponentsAreSkippedUnharmed) {
  const std::string text = R"({"components":[{"name":"a","purl":"pkg:npm/a@1"}],"x":)" + std::string(100000, '[') +
                           std::string(100000, ']') + R"(,"components":[{"name":"b","purl":"pkg:npm/b@1"}]})";
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:npm/a@1", "pkg:npm/b@1"}));
  EXPECT_TRUE(c.damages.empty());
}

TEST(SbomCycloneDxJson, DeepArrayAsTheDocumentIsOneFatalDamage) {
  const Collector c = read(ManifestFormat::kCycloneDxJson, std::string(100000, '[') + std::string(100000, ']'));
  EXPECT_TRUE(c.items.empty());
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
  EXPECT_EQ(c.damages[0].reason, "json value of the wrong type");
}

TEST(SbomCycloneDxJson, TruncatedDeepArrayIsNotRepairedButFatal) {
  const Collector c = read(ManifestFormat::kCycloneDxJson,
                           R"({"components":[{"name":"a","purl":"pkg:npm/a@1"}],"x":)" + std::string(5000, '['));
  EXPECT_EQ(c.fatal_count(), 1u);
}

TEST(SbomCycloneDxJson, InvalidUtf8IsReplacedAndTheComponentKept) {
  const std::string text =
      "{\"components\":[{\"name\":\"a\\u0041\xff\xfe\",\"purl\":\"pkg:npm/a@1\"},\n"
      "{\"name\":\"b\xc3\xa9\",\"purl\":\"pkg:npm/b@2\"}]}";
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:npm/a@1", "pkg:npm/b@2"}));
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_EQ(c.damages[0].reason, "invalid utf-8 (2 bytes replaced)");
  EXPECT_EQ(c.damages[0].offset, text.find('\xff'));
  EXPECT_FALSE(c.damages[0].fatal);
  EXPECT_EQ(c.items[1].component, "b\xc3\xa9");
}

// Found by fuzz_sbom: a NUL inside a string failed simdjson's first stage, and asking the
// unstarted document for its location read a null pointer.
TEST(SbomCycloneDxJson, ControlCharactersInAStringAreReplacedAndReported) {
  const std::string text = std::string(R"({"components":[{"name":"Tik)") + std::string("\0\x01", 2) +
                           R"(Tok","purl":"pkg:cocoapods/TikTokOpenSDK@5.0.0"}]})";
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  ASSERT_EQ(c.items.size(), 1u);
  EXPECT_EQ(c.items[0].component, "Tik  Tok");
  ASSERT_EQ(c.damages.size(), 2u);
  EXPECT_EQ(c.damages[0].offset, text.find('\0'));
  EXPECT_EQ(c.damages[0].reason, "control character inside a json string (replaced)");
  EXPECT_FALSE(c.damages[1].fatal);
}

// Found by fuzz_sbom: the control-character repair copied the file's length out of a buffer
// the truncation repair had already made shorter.
TEST(SbomCycloneDxJson, TruncatedWithAControlCharacterIsRepairedTwice) {
  const std::string text = "{\"components\":[{\"name\":\"a\x01\",\"purl\":\"pkg:npm/a@1\"},{\"name\":\"c";
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:npm/a@1"}));
  ASSERT_EQ(c.damages.size(), 2u);
  EXPECT_FALSE(c.damages[0].fatal);
  EXPECT_TRUE(c.damages[1].fatal);
  EXPECT_EQ(c.damages[1].offset, text.size());
}

// Found by fuzz_sbom: asking whether a bad literal is null threw from simdjson's implicit
// conversion; the reader must only use error codes.
TEST(SbomCycloneDxJson, BadLiteralWhereAStringBelongsThrowsNothing) {
  const Collector c = read(ManifestFormat::kCycloneDxJson, R"({"components":[{"name":nul,"purl":"pkg:npm/a@1"}]})");
  ASSERT_FALSE(c.damages.empty());
  EXPECT_EQ(c.damages[0].reason, "`name` is not a string");
  EXPECT_LE(c.fatal_count(), 1u);
}

// Found by fuzz_sbom: a truncated document that is also of the wrong type gave two fatal
// damages; an artefact ends once.
TEST(SbomSpdx3, TruncatedArrayDocumentEndsOnce) {
  const Collector c = read(ManifestFormat::kSpdx3JsonLd, "[\x03{\"s\r");
  EXPECT_TRUE(c.items.empty());
  EXPECT_EQ(c.fatal_count(), 1u);
}

TEST(SbomCycloneDxJson, MissingCommaIsFatalAfterTheComponentsBefore) {
  const std::string text = R"({"components":[{"name":"a","purl":"pkg:npm/a@1"} {"name":"b","purl":"pkg:npm/b@1"}]})";
  const Collector c = read(ManifestFormat::kCycloneDxJson, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:npm/a@1"}));
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
  EXPECT_EQ(c.damages[0].reason, "broken json structure (missing comma, brace or key)");
}

TEST(SbomCycloneDxJson, EmptyAndNonObjectDocumentsAreFatal) {
  EXPECT_EQ(read(ManifestFormat::kCycloneDxJson, "").damages.at(0).reason, "empty json document");
  const Collector c = read(ManifestFormat::kCycloneDxJson, "[1, 2]");
  EXPECT_TRUE(c.items.empty());
  ASSERT_EQ(c.fatal_count(), 1u);
  EXPECT_EQ(c.damages[0].reason, "json value of the wrong type");
}

}  // namespace
}  // namespace interdict
