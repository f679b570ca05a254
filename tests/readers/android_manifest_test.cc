// AndroidManifest.xml in binary XML (APK) and protobuf (AAB) form: the shop app that
// integrates WeChat, the real androguard sample, and damaged documents.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "android_xml_builder.h"
#include "readers/android/android.h"
#include "readers/android_sink.h"

namespace interdict {
namespace {

using testing::android::CollectingSink;
using testing::android::Item;
using testing::android::run_command;
using testing::axml::build_binary_xml;
using testing::axml::build_proto_xml;
using testing::axml::Element;
using testing::axml::wechat_manifest;
using testing::dex::Bytes;

std::span<const std::byte> span_of(const Bytes& b) { return {b.data(), b.size()}; }

std::vector<std::string> described(const CollectingSink& sink) {
  std::vector<std::string> out;
  for (const Item& i : sink.items) {
    out.push_back(std::string(code_kind_name(i.kind)) + " " + i.role + " " + i.value +
                  (i.version.empty() ? "" : " @" + i.version));
  }
  return out;
}

const std::vector<std::string> kShopItems = {
    "app self com.example.shop @2.4.1",
    "app queries com.tencent.mm",
    "scheme queries weixin",
    "class activity com.example.shop.MainActivity",
    "scheme url-scheme shopapp",
    "class activity com.example.shop.wxapi.WXEntryActivity",
    "class activity-alias com.example.shop.Alias",
    "class service com.example.shop.PushService",
    "class receiver com.tencent.mm.opensdk.receiver.AppRegister",
    "class provider com.example.shop.Files",
};

TEST(Manifest, BinaryXmlUtf16GivesPackageComponentsQueriesAndSchemes) {
  CollectingSink sink;
  decode_binary_manifest(span_of(build_binary_xml(wechat_manifest())), "AndroidManifest.xml", sink);
  EXPECT_EQ(described(sink), kShopItems);
  EXPECT_TRUE(sink.damages.empty());
  ASSERT_FALSE(sink.items.empty());
  EXPECT_EQ(sink.items[0].path, "AndroidManifest.xml");
  EXPECT_GT(sink.items[0].offset, 0u);
}

TEST(Manifest, BinaryXmlUtf8PoolGivesTheSameItems) {
  CollectingSink sink;
  decode_binary_manifest(span_of(build_binary_xml(wechat_manifest(), true)), "AndroidManifest.xml", sink);
  EXPECT_EQ(described(sink), kShopItems);
  EXPECT_TRUE(sink.damages.empty());
}

TEST(Manifest, WithoutResourceMapAttributesAreKnownByName) {
  CollectingSink sink;
  decode_binary_manifest(span_of(build_binary_xml(wechat_manifest(), false, false)), "AndroidManifest.xml", sink);
  EXPECT_EQ(described(sink), kShopItems);
}

TEST(Manifest, NameOutsideTheAndroidNamespaceIsNotAndroidName) {
  Element root = wechat_manifest();
  root.children[2].children[0].attrs[0].android = false;  // app:name=".MainActivity"
  CollectingSink sink;
  decode_binary_manifest(span_of(build_binary_xml(root, false, false)), "AndroidManifest.xml", sink);
  const auto classes = sink.values(CodeKind::kClass, "activity");
  EXPECT_EQ(std::find(classes.begin(), classes.end(), "com.example.shop.MainActivity"), classes.end());
  EXPECT_EQ(classes.size(), 1u);
}

TEST(Manifest, VersionNameAsReferenceLeavesTheVersionUnknown) {
  Element root = wechat_manifest();
  root.attrs[1].reference = true;
  CollectingSink sink;
  decode_binary_manifest(span_of(build_binary_xml(root)), "AndroidManifest.xml", sink);
  ASSERT_FALSE(sink.items.empty());
  EXPECT_EQ(sink.items[0].value, "com.example.shop");
  EXPECT_EQ(sink.items[0].version, "");
}

TEST(Manifest, ProtobufFormGivesTheSameItems) {
  CollectingSink sink;
  decode_proto_manifest(span_of(build_proto_xml(wechat_manifest())), "base/manifest/AndroidManifest.xml", sink);
  EXPECT_EQ(described(sink), kShopItems);
  EXPECT_TRUE(sink.damages.empty());
}

TEST(Manifest, ProtobufVersionNameReferenceLeavesTheVersionUnknown) {
  Element root = wechat_manifest();
  root.attrs[1].reference = true;
  CollectingSink sink;
  decode_proto_manifest(span_of(build_proto_xml(root)), "base/manifest/AndroidManifest.xml", sink);
  ASSERT_FALSE(sink.items.empty());
  EXPECT_EQ(sink.items[0].version, "");
}

TEST(Manifest, AndroguardTestActivityManifestNamesClassesItsDexDefines) {
  const std::string apk = std::string(INTERDICT_SHARED_DATA) + "/apk/androguard_TestActivity.apk";
  const std::string xml = run_command("unzip -p '" + apk + "' AndroidManifest.xml");
  ASSERT_EQ(xml.size(), 1592u);
  Bytes bytes(xml.size());
  std::memcpy(bytes.data(), xml.data(), xml.size());
  EXPECT_TRUE(looks_like_binary_xml(span_of(bytes)));
  CollectingSink sink;
  decode_binary_manifest(span_of(bytes), "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kApp, "self"), std::vector<std::string>{"tests.androguard"});
  const auto activities = sink.values(CodeKind::kClass, "activity");
  ASSERT_FALSE(activities.empty());
  const std::string dexdump =
      run_command("unzip -p '" + apk + "' classes.dex > /tmp/interdict_manifest_" + std::to_string(getpid()) +
                  ".dex && dexdump /tmp/interdict_manifest_" + std::to_string(getpid()) +
                  ".dex 2>/dev/null; rm -f /tmp/interdict_manifest_" + std::to_string(getpid()) + ".dex");
  for (std::string a : activities) {
    std::replace(a.begin(), a.end(), '.', '/');
    EXPECT_NE(dexdump.find("Class descriptor  : 'L" + a + ";'"), std::string::npos) << a;
  }
}

TEST(Manifest, EmptyInputIsFatal) {
  CollectingSink sink;
  decode_binary_manifest({}, "AndroidManifest.xml", sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_TRUE(sink.damages[0].fatal);
  EXPECT_TRUE(sink.damage_mentions("truncated chunk header"));
}

TEST(Manifest, TextXmlIsNotBinaryXml) {
  const std::string text = "<?xml version=\"1.0\"?><manifest/>";
  const auto bytes = std::as_bytes(std::span<const char>(text.data(), text.size()));
  EXPECT_FALSE(looks_like_binary_xml(bytes));
  CollectingSink sink;
  decode_binary_manifest(bytes, "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damage_mentions("not binary xml"));
  EXPECT_TRUE(sink.items.empty());
}

TEST(Manifest, TruncatedDocumentKeepsTheItemsBeforeTheCut) {
  Bytes xml = build_binary_xml(wechat_manifest());
  xml.resize(xml.size() - 300);
  CollectingSink sink;
  decode_binary_manifest(span_of(xml), "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damage_mentions("document size"));
  EXPECT_TRUE(sink.any_fatal());
  EXPECT_TRUE(sink.damages.back().fatal);
  ASSERT_GE(sink.items.size(), 3u);
  EXPECT_EQ(sink.items[0].value, "com.example.shop");
}

TEST(Manifest, ChunkSizePastTheEndOfItsParentIsFatal) {
  Bytes xml = build_binary_xml(wechat_manifest());
  // The string pool is the first chunk, at offset 8.
  testing::dex::put_u32_at(xml, 12, 0x7FFFFFFF);
  CollectingSink sink;
  decode_binary_manifest(span_of(xml), "AndroidManifest.xml", sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].offset, 8u);
  EXPECT_EQ(sink.damages[0].reason, "chunk type 1 size 2147483647 past the end of its parent");
  EXPECT_TRUE(sink.items.empty());
}

TEST(Manifest, StringIndexOutOfRangeIsReportedAndSkipped) {
  Bytes xml = build_binary_xml(wechat_manifest());
  testing::dex::put_u32_at(xml, 16, 6);  // the pool now claims 6 strings
  CollectingSink sink;
  decode_binary_manifest(span_of(xml), "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damage_mentions("out of range (6 strings)"));
  EXPECT_FALSE(sink.any_fatal());
  EXPECT_TRUE(sink.values(CodeKind::kApp, "self").empty());
}

TEST(Manifest, StringPoolCountPastItsChunkIsFatal) {
  Bytes xml = build_binary_xml(wechat_manifest());
  testing::dex::put_u32_at(xml, 16, 0x40000000);
  CollectingSink sink;
  decode_binary_manifest(span_of(xml), "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damage_mentions("string pool count 1073741824 past the end of its chunk"));
  EXPECT_TRUE(sink.any_fatal());
}

Element nested(int depth) {
  Element root{"manifest", {{"package", "com.deep", 0, false}}, {}};
  Element* at = &root;
  for (int i = 0; i < depth; ++i) {
    at->children.push_back({"x", {}, {}});
    at = &at->children.back();
  }
  at->children.push_back({"activity", {testing::axml::name_attr(".Deep")}, {}});
  return root;
}

TEST(Manifest, NestingPastTheBoundIsFatal) {
  CollectingSink sink;
  decode_binary_manifest(span_of(build_binary_xml(nested(100))), "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damage_mentions("elements nested deeper than 64"));
  EXPECT_TRUE(sink.any_fatal());
  EXPECT_EQ(sink.values(CodeKind::kApp, "self"), std::vector<std::string>{"com.deep"});
  EXPECT_TRUE(sink.values(CodeKind::kClass).empty());
}

TEST(Manifest, NestingWithinTheBoundIsRead) {
  CollectingSink sink;
  decode_binary_manifest(span_of(build_binary_xml(nested(50))), "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kClass), std::vector<std::string>{"com.deep.Deep"});
}

TEST(Manifest, ProtobufNestingPastTheBoundIsFatal) {
  CollectingSink sink;
  decode_proto_manifest(span_of(build_proto_xml(nested(100))), "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damage_mentions("elements nested deeper than 64"));
  EXPECT_TRUE(sink.values(CodeKind::kClass).empty());
}

TEST(Manifest, TruncatedProtobufIsFatal) {
  Bytes proto = build_proto_xml(wechat_manifest());
  proto.resize(proto.size() - 5);
  CollectingSink sink;
  decode_proto_manifest(span_of(proto), "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damage_mentions("malformed protobuf field"));
  EXPECT_TRUE(sink.any_fatal());
}

TEST(Manifest, EmptyProtobufIsFatal) {
  CollectingSink sink;
  decode_proto_manifest({}, "AndroidManifest.xml", sink);
  EXPECT_TRUE(sink.damage_mentions("empty protobuf manifest"));
}

}  // namespace
}  // namespace interdict
