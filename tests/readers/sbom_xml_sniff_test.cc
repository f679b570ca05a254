// CycloneDX XML (the shared laravel BOM, prefixed namespaces, damaged documents) and the
// manifest sniffer over every shared SBOM and a fixture of each lockfile format.
#include <gtest/gtest.h>

#include <string>

#include "sbom_collector.h"

namespace interdict {
namespace {

using testing_manifest::bytes_of;
using testing_manifest::Collector;
using testing_manifest::read;
using testing_manifest::shared_file;

// The same BOM in JSON and XML must give the same packages in the same order.
TEST(SbomCycloneDxXml, SharedBomAgreesWithItsJsonTwin) {
  const Collector xml = read(ManifestFormat::kCycloneDxXml, shared_file("sbom/cyclonedx_laravel-7.12.0_bom.1.4.xml"));
  const Collector json =
      read(ManifestFormat::kCycloneDxJson, shared_file("sbom/cyclonedx_laravel-7.12.0_bom.1.4.json"));
  EXPECT_TRUE(xml.damages.empty());
  EXPECT_EQ(xml.items.size(), 63u);  // `grep -c '<component ' ...xml`
  EXPECT_EQ(xml.values(), json.values());
  const auto* cors = xml.find("pkg:composer/asm89/stack-cors@1.3.0");
  ASSERT_NE(cors, nullptr);
  EXPECT_EQ(cors->line, 41u);  // `grep -n asm89/stack-cors-1.3.0.0`
  EXPECT_EQ(cors->component, "asm89/stack-cors");
  EXPECT_EQ(cors->version, "1.3.0");
  EXPECT_EQ(xml.items[0].role, "self");
}

TEST(SbomCycloneDxXml, PrefixedNamespaceAndBuiltPurls) {
  const std::string text = R"(<?xml version="1.0"?>
<cdx:bom xmlns:cdx="http://cyclonedx.org/schema/bom/1.6">
  <cdx:components>
    <cdx:component type="library" bom-ref="wx">
      <cdx:group>com.tencent.mm.opensdk</cdx:group><cdx:name>wechat-sdk-android</cdx:name>
      <cdx:version>6.8.0</cdx:version>
    </cdx:component>
    <cdx:component type="library" bom-ref="pkg:cocoapods/TikTokOpenSDK@5.0.0">
      <cdx:name>TikTokOpenSDK</cdx:name>
      <cdx:components><cdx:component><cdx:purl><![CDATA[ pkg:cocoapods/TikTokOpenSDK@5.0.0#Core ]]></cdx:purl></cdx:component></cdx:components>
    </cdx:component>
    <cdx:component><cdx:version>1</cdx:version></cdx:component>
  </cdx:components>
</cdx:bom>)";
  const Collector c = read(ManifestFormat::kCycloneDxXml, text);
  EXPECT_EQ(c.values(),
            (std::vector<std::string>{"pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
                                      "pkg:cocoapods/TikTokOpenSDK@5.0.0#Core", "pkg:cocoapods/TikTokOpenSDK@5.0.0"}));
  EXPECT_EQ(c.items[0].component, "com.tencent.mm.opensdk:wechat-sdk-android");
  EXPECT_EQ(c.items[0].line, 4u);
  EXPECT_EQ(c.items[2].version, "5.0.0");
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_EQ(c.damages[0].reason, "component without name or purl");
  EXPECT_EQ(c.damages[0].line, 12u);
}

TEST(SbomCycloneDxXml, TruncatedKeepsTheComponentsBeforeAndDropsTheCutOne) {
  const std::string whole_text = shared_file("sbom/cyclonedx_laravel-7.12.0_bom.1.4.xml");
  const Collector whole = read(ManifestFormat::kCycloneDxXml, whole_text);
  // Cut just after the <name> of the component whose bom-ref names brick/math: its purl is lost.
  const std::size_t brick = whole_text.find("bom-ref=\"brick/math");
  const std::size_t cut = whole_text.find("</name>", brick) + 7;
  const Collector c = read(ManifestFormat::kCycloneDxXml, whole_text.substr(0, cut));
  ASSERT_EQ(c.items.size(), 2u);  // the metadata component and asm89/stack-cors
  EXPECT_EQ(c.items[1].value, whole.items[1].value);
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
  EXPECT_EQ(c.damages[0].reason.rfind("xml not well-formed: ", 0), 0u) << c.damages[0].reason;
  EXPECT_EQ(c.damages[0].offset, cut - 1);  // pugixml names the last byte it read
}

TEST(SbomCycloneDxXml, MismatchedTagIsFatalWithItsLine) {
  const std::string text =
      "<bom>\n<components>\n<component><purl>pkg:npm/a@1</purl></component>\n"
      "<component><purl>pkg:npm/b@1</purl></wrong>\n</components></bom>";
  const Collector c = read(ManifestFormat::kCycloneDxXml, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:npm/a@1"}));
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
  EXPECT_EQ(c.damages[0].line, 4u);
}

TEST(SbomCycloneDxXml, WrongRootAndEmptyAreFatal) {
  const Collector pom = read(ManifestFormat::kCycloneDxXml, "<project><groupId>a</groupId></project>");
  ASSERT_EQ(pom.damages.size(), 1u);
  EXPECT_EQ(pom.damages[0].reason, "root element is `project`, not `bom`");
  const Collector empty = read(ManifestFormat::kCycloneDxXml, "");
  ASSERT_EQ(empty.damages.size(), 1u);
  EXPECT_TRUE(empty.damages[0].fatal);
}

TEST(SbomCycloneDxXml, DeepNestingIsSkippedWithOneDamage) {
  std::string text = "<bom><components>";
  for (int i = 0; i < 200; ++i) text += "<component><name>n" + std::to_string(i) + "</name><components>";
  for (int i = 0; i < 200; ++i) text += "</components></component>";
  text += "</components></bom>";
  const Collector c = read(ManifestFormat::kCycloneDxXml, text);
  EXPECT_EQ(c.items.size(), 64u);
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_FALSE(c.damages[0].fatal);
}

ManifestFormat sniff(std::string_view name, std::string_view text) {
  return sniff_manifest_format(name, bytes_of(text));
}

TEST(ManifestSniff, SharedSbomsByContent) {
  const std::pair<const char*, ManifestFormat> files[] = {
      {"cyclonedx_cern-lhc-vdm-editor_bom.json", ManifestFormat::kCycloneDxJson},
      {"cyclonedx_laravel-7.12.0_bom.1.4.json", ManifestFormat::kCycloneDxJson},
      {"cyclonedx_laravel-7.12.0_bom.1.4.xml", ManifestFormat::kCycloneDxXml},
      {"cyclonedx_proton-bridge-v1.8.0.bom.json", ManifestFormat::kCycloneDxJson},
      {"spdx22_example1.tagvalue.spdx", ManifestFormat::kSpdxTagValue},
      {"spdx22_example7-bin.spdx.json", ManifestFormat::kSpdxJson},
      {"spdx22_example7-third-party-modules.spdx.json", ManifestFormat::kSpdxJson},
      {"spdx23_examplemaven-0.0.1-enriched.spdx.json", ManifestFormat::kSpdxJson},
      {"spdx30_example7-bin.spdx3.json", ManifestFormat::kSpdx3JsonLd},
  };
  for (const auto& [file, format] : files) {
    const std::string text = shared_file(std::string("sbom/") + file);
    // The name is withheld: content alone must decide.
    EXPECT_EQ(sniff("upload.bin", std::string_view(text).substr(0, 4096)), format) << file;
  }
}

TEST(ManifestSniff, LockfilesByContentWhateverTheName) {
  EXPECT_EQ(sniff("a", "# THIS IS AN AUTOGENERATED FILE\n# yarn lockfile v1\n\n"), ManifestFormat::kYarnLock);
  EXPECT_EQ(sniff("a", "# This file is generated\n\n__metadata:\n  version: 6\n"), ManifestFormat::kYarnLock);
  EXPECT_EQ(sniff("a", "lockfileVersion: '9.0'\n\nsettings:\n"), ManifestFormat::kPnpmLock);
  EXPECT_EQ(sniff("a", "PODS:\n  - WechatOpenSDK (1.8.7.1)\n"), ManifestFormat::kPodfileLock);
  EXPECT_EQ(sniff("a", "# This is a Gradle generated file for dependency locking.\n"), ManifestFormat::kGradleLock);
  EXPECT_EQ(sniff("a", "{\n  \"name\": \"x\",\n  \"lockfileVersion\": 3,\n"), ManifestFormat::kNpmLock);
  EXPECT_EQ(sniff("a", "{\n  \"object\": {\n    \"pins\": [\n"), ManifestFormat::kSwiftResolved);
  EXPECT_EQ(sniff("a", "{\n  \"originHash\" : \"x\",\n  \"pins\" : [\n"), ManifestFormat::kSwiftResolved);
  EXPECT_EQ(
      sniff("a",
            "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"),
      ManifestFormat::kMavenPom);
  EXPECT_EQ(sniff("pom.xml", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">"), ManifestFormat::kCycloneDxXml);
}

TEST(ManifestSniff, NameBreaksTiesWhereContentHasNoMarker) {
  const std::string_view groovy = "plugins {\n  id 'com.android.application'\n}\n";
  EXPECT_EQ(sniff("app/build.gradle", groovy), ManifestFormat::kGradleBuild);
  EXPECT_EQ(sniff("app/build.gradle.kts", groovy), ManifestFormat::kGradleBuild);
  EXPECT_EQ(sniff("C:\\src\\Build.Gradle", groovy), ManifestFormat::kGradleBuild);
  EXPECT_EQ(sniff("notes.txt", groovy), ManifestFormat::kUnknown);
  EXPECT_EQ(sniff("package-lock.json", "{}"), ManifestFormat::kNpmLock);
  EXPECT_EQ(sniff("x.cdx.json", "{}"), ManifestFormat::kCycloneDxJson);
  EXPECT_EQ(sniff("Podfile.lock", ""), ManifestFormat::kPodfileLock);
  EXPECT_EQ(sniff("", ""), ManifestFormat::kUnknown);
}

TEST(ManifestSniff, UnknownFormatIsOneFatalDamage) {
  const Collector c = read(ManifestFormat::kUnknown, "anything");
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_EQ(c.damages[0].reason, "unknown manifest format");
  EXPECT_TRUE(c.damages[0].fatal);
  Collector sbom;
  decode_sbom(ManifestFormat::kYarnLock, bytes_of("x"), "", sbom);
  ASSERT_EQ(sbom.damages.size(), 1u);
  EXPECT_EQ(sbom.damages[0].reason, "`yarn-lock` is not an sbom format");
}

}  // namespace
}  // namespace interdict
