// SPDX 2.2/2.3 JSON, SPDX 2 tag-value and SPDX 3.0 JSON-LD: the shared examples, fixtures
// naming designated SDKs, and damaged documents.
#include <gtest/gtest.h>

#include <string>

#include "sbom_collector.h"

namespace interdict {
namespace {

using testing_manifest::Collector;
using testing_manifest::read;
using testing_manifest::shared_file;

// Counts from `jq '.packages | length'`; roles from documentDescribes and relationships.
TEST(SbomSpdxJson, SharedExamplesYieldEveryPackage) {
  const Collector bin = read(ManifestFormat::kSpdxJson, shared_file("sbom/spdx22_example7-bin.spdx.json"));
  EXPECT_TRUE(bin.damages.empty());
  ASSERT_EQ(bin.items.size(), 1u);
  EXPECT_EQ(bin.items[0].value, "pkg:generic/hello");
  EXPECT_EQ(bin.items[0].role, "self");  // documentDescribes: SPDXRef-go-bin-hello

  const Collector modules =
      read(ManifestFormat::kSpdxJson, shared_file("sbom/spdx22_example7-third-party-modules.spdx.json"));
  EXPECT_EQ(modules.values(), (std::vector<std::string>{"pkg:generic/golang.org%2Fx%2Ftext",
                                                        "pkg:generic/rsc.io%2Fquote", "pkg:generic/rsc.io%2Fsampler"}));

  const Collector maven =
      read(ManifestFormat::kSpdxJson, shared_file("sbom/spdx23_examplemaven-0.0.1-enriched.spdx.json"));
  ASSERT_EQ(maven.items.size(), 6u);
  EXPECT_EQ(maven.items[0].value, "pkg:generic/JUnit@3.8.1");
  EXPECT_EQ(maven.items[0].line, 25u);  // the package's "{", just before `grep -n JUnit` (line 26, its name)
  const auto* self = maven.find("pkg:generic/examplemaven@0.0.1");
  ASSERT_NE(self, nullptr);
  EXPECT_EQ(self->role, "self");  // relationships: SPDXRef-DOCUMENT DESCRIBES SPDXRef-example
}

TEST(SbomSpdxJson, PurlExternalRefsAreUsedAsGiven) {
  const std::string text = R"({"spdxVersion":"SPDX-2.3","packages":[
    {"SPDXID":"SPDXRef-wx","name":"wechat-sdk-android","versionInfo":"6.8.0","externalRefs":[
      {"referenceCategory":"SECURITY","referenceType":"cpe23Type","referenceLocator":"cpe:2.3:a:tencent:*"},
      {"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl",
       "referenceLocator":"pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0"}]},
    {"SPDXID":"SPDXRef-tt","name":"TikTokOpenSDKCore","externalRefs":[
      {"referenceCategory":"PACKAGE_MANAGER","referenceType":"purl","referenceLocator":"pkg:cocoapods/TikTokOpenSDKCore@2.2.0"}]}
  ]})";
  const Collector c = read(ManifestFormat::kSpdxJson, text);
  EXPECT_TRUE(c.damages.empty());
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
                                                  "pkg:cocoapods/TikTokOpenSDKCore@2.2.0"}));
  EXPECT_EQ(c.items[0].version, "6.8.0");
  EXPECT_EQ(c.items[0].component, "wechat-sdk-android");
  EXPECT_EQ(c.items[0].line, 4u);          // the purl reference's line
  EXPECT_EQ(c.items[1].version, "2.2.0");  // from the purl: no versionInfo
}

TEST(SbomSpdxJson, TruncatedKeepsPackagesBeforeAndIsFatal) {
  const std::string text = R"({"spdxVersion":"SPDX-2.3","packages":[{"SPDXID":"a","name":"a","versionInfo":"1"},
{"SPDXID":"b","name":"b","externalRefs":[{"referenceType":"purl","referenceLocator":"pkg:npm/b@2"},)";
  const Collector c = read(ManifestFormat::kSpdxJson, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:generic/a@1"}));
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
  EXPECT_EQ(c.damages[0].line, 2u);
}

TEST(SbomSpdxJson, WrongTypesAreLocalDamage) {
  const std::string text =
      R"({"spdxVersion":"SPDX-2.3","packages":[3, {"name":["x"]}, {"name":"ok","versionInfo":2}]})";
  const Collector c = read(ManifestFormat::kSpdxJson, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:generic/ok"}));
  std::vector<std::string> reasons;
  for (const auto& d : c.damages) reasons.push_back(d.reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{"package is not an object", "`name` is not a string",
                                               "package without name or purl", "`versionInfo` is not a string"}));
  EXPECT_EQ(c.fatal_count(), 0u);
}

TEST(SbomSpdxJson, NotAnObjectIsFatal) {
  const Collector c = read(ManifestFormat::kSpdxJson, R"(["spdxVersion"])");
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_EQ(c.damages[0].reason, "spdx json is not an object");
  EXPECT_TRUE(c.damages[0].fatal);
}

TEST(SbomSpdx3, SharedExampleHasNoPackages) {
  const Collector c = read(ManifestFormat::kSpdx3JsonLd, shared_file("sbom/spdx30_example7-bin.spdx3.json"));
  EXPECT_TRUE(c.items.empty());  // `jq '[."@graph"[] | select(.type == "software_Package")] | length'` is 0
  EXPECT_TRUE(c.damages.empty());
}

TEST(SbomSpdx3, PackagesWithPurlsAndIdentifiers) {
  const std::string text = R"({"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[
  {"type":"software_Sbom","spdxId":"urn:sbom","rootElement":["urn:app"]},
  {"type":"software_File","spdxId":"urn:file","name":"libwechat.so"},
  {"spdxId":"urn:app","name":"demo","software_packageVersion":"1.0","type":"software_Package"},
  {"type":"software_Package","spdxId":"urn:wx","name":"wechat-sdk-android","software_packageVersion":"6.8.0",
   "software_packageUrl":"pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0"},
  {"type":"software_Package","spdxId":"urn:tt","name":"TikTokOpenSDK","externalIdentifier":[
    {"type":"ExternalIdentifier","externalIdentifierType":"email","identifier":"x@y"},
    {"type":"ExternalIdentifier","externalIdentifierType":"packageUrl","identifier":"pkg:cocoapods/TikTokOpenSDK@5.0.0"}]}
]})";
  const Collector c = read(ManifestFormat::kSpdx3JsonLd, text);
  EXPECT_TRUE(c.damages.empty());
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:generic/demo@1.0",
                                                  "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
                                                  "pkg:cocoapods/TikTokOpenSDK@5.0.0"}));
  EXPECT_EQ(c.items[0].role, "self");
  EXPECT_EQ(c.items[1].role, "dependency");
  EXPECT_EQ(c.items[2].version, "5.0.0");
}

// The tag-value example's only package is "hello", described by the document.
TEST(SbomSpdxTagValue, SharedExample) {
  const Collector c = read(ManifestFormat::kSpdxTagValue, shared_file("sbom/spdx22_example1.tagvalue.spdx"));
  EXPECT_TRUE(c.damages.empty());
  ASSERT_EQ(c.items.size(), 1u);
  EXPECT_EQ(c.items[0].value, "pkg:generic/hello");
  EXPECT_EQ(c.items[0].role, "self");
  EXPECT_EQ(c.items[0].line, 13u);  // `grep -n PackageName:`
}

constexpr std::string_view kTagValue = R"(SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
PackageName: app
SPDXID: SPDXRef-app
PackageVersion: 1.0
PackageComment: <text>a comment over lines
PackageName: not-a-package
</text>
Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app

PackageName: WechatOpenSDK
SPDXID: SPDXRef-wechat
PackageVersion: 1.8.7.1
ExternalRef: PACKAGE_MANAGER purl pkg:cocoapods/WechatOpenSDK@1.8.7.1
this line has no tag
ExternalRef: PACKAGE-MANAGER
PackageName: wechat-sdk-android
ExternalRef: PACKAGE-MANAGER purl pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0
FileName: ./lib/wechat.jar
PackageVersion: 9.9.9
)";

TEST(SbomSpdxTagValue, PackagesRefsAndDamagedLines) {
  const Collector c = read(ManifestFormat::kSpdxTagValue, kTagValue);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:generic/app@1.0", "pkg:cocoapods/WechatOpenSDK@1.8.7.1",
                                                  "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0"}));
  EXPECT_EQ(c.items[0].role, "self");
  EXPECT_EQ(c.items[0].line, 4u);
  EXPECT_EQ(c.items[1].line, 15u);
  EXPECT_EQ(c.items[1].version, "1.8.7.1");
  EXPECT_EQ(c.items[2].version, "6.8.0");  // from the purl; the PackageVersion after FileName is the file's
  ASSERT_EQ(c.damages.size(), 2u);
  EXPECT_EQ(c.damages[0].line, 16u);
  EXPECT_EQ(c.damages[0].reason, "line without a `tag:`");
  EXPECT_EQ(c.damages[1].line, 17u);
  EXPECT_EQ(c.damages[1].reason, "`ExternalRef` without type and locator");
  EXPECT_EQ(c.fatal_count(), 0u);
}

TEST(SbomSpdxTagValue, UnclosedTextBlockIsFatalAfterThePackagesBefore) {
  const std::string text = "PackageName: a\nPackageVersion: 1\nPackageName: b\nPackageComment: <text>never\nclosed\n";
  const Collector c = read(ManifestFormat::kSpdxTagValue, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:generic/a@1"}));
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
  EXPECT_EQ(c.damages[0].line, 4u);
  EXPECT_EQ(c.damages[0].reason, "`<text>` block never closed");
}

}  // namespace
}  // namespace interdict
