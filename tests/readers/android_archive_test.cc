// APK, AAB, XAPK and APKS archives built around generated DEX files and manifests, the real
// androguard APK, damaged entries, and the same output whatever the thread count.
#include <gtest/gtest.h>

#include <fstream>

#include "android_xml_builder.h"
#include "dex_builder.h"
#include "readers/android/android.h"
#include "readers/android_sink.h"
#include "readers/zip/zip.h"
#include "zip_builder.h"

namespace interdict {
namespace {

using testing::ZipBuilder;
using testing::android::CollectingSink;
using testing::android::Item;
using testing::dex::build_dex;
using testing::dex::Bytes;
using testing::dex::DexSpec;

std::string text(const Bytes& b) { return {reinterpret_cast<const char*>(b.data()), b.size()}; }

std::string dex_with(std::vector<std::string> classes) {
  DexSpec spec;
  spec.classes = std::move(classes);
  return text(build_dex(spec));
}

std::string shop_apk(bool deflate = true) {
  ZipBuilder zip;
  ZipBuilder::Options options;
  options.deflate = deflate;
  zip.add("AndroidManifest.xml", text(testing::axml::build_binary_xml(testing::axml::wechat_manifest())), options);
  zip.add("res/layout/main.xml", "not read");
  zip.add("classes.dex", dex_with({"Lcom/example/shop/MainActivity;", "Lcom/example/shop/wxapi/WXEntryActivity;"}),
          options);
  zip.add("classes2.dex", dex_with({"Lcom/tencent/mm/opensdk/openapi/IWXAPI;"}), options);
  zip.add("classes3.dex", dex_with({"Lcom/example/shop/PushService;"}), options);
  return zip.finish();
}

// Item lines "path kind value" in emission order.
std::vector<std::string> lines(const CollectingSink& sink) {
  std::vector<std::string> out;
  for (const Item& i : sink.items) out.push_back(i.path + " " + std::string(code_kind_name(i.kind)) + " " + i.value);
  return out;
}

void decode(const std::string& bytes, CollectingSink& sink, AndroidOptions options = {}) {
  auto zip = ZipArchive::open(testing::as_bytes(bytes), "test.apk");
  ASSERT_TRUE(zip.has_value()) << zip.error().to_string();
  decode_android_archive(*zip, sink, options);
}

TEST(AndroidArchive, MultidexApkGivesManifestThenDexFilesInEntryOrder) {
  CollectingSink sink;
  decode(shop_apk(), sink);
  const auto got = lines(sink);
  ASSERT_EQ(got.size(), 14u);
  EXPECT_EQ(got[0], "AndroidManifest.xml app com.example.shop");
  EXPECT_EQ(got[10], "classes.dex class com.example.shop.MainActivity");
  EXPECT_EQ(got[11], "classes.dex class com.example.shop.wxapi.WXEntryActivity");
  EXPECT_EQ(got[12], "classes2.dex class com.tencent.mm.opensdk.openapi.IWXAPI");
  EXPECT_EQ(got[13], "classes3.dex class com.example.shop.PushService");
  EXPECT_TRUE(sink.damages.empty());
}

TEST(AndroidArchive, StoredEntriesReadTheSameAsDeflated) {
  CollectingSink stored, deflated;
  decode(shop_apk(false), stored);
  decode(shop_apk(true), deflated);
  EXPECT_EQ(lines(stored), lines(deflated));
}

TEST(AndroidArchive, OutputIsTheSameForAnyThreadCount) {
  ZipBuilder zip;
  for (int i = 1; i <= 12; ++i) {
    std::vector<std::string> classes;
    for (int k = 0; k < 50 * i; ++k) classes.push_back("Lcom/d" + std::to_string(i) + "/C" + std::to_string(k) + ";");
    zip.add(i == 1 ? "classes.dex" : "classes" + std::to_string(i) + ".dex", dex_with(classes));
  }
  const std::string apk = zip.finish();
  CollectingSink one;
  decode(apk, one, {1, 2});
  EXPECT_EQ(one.items.size(), 50u * 78);
  for (unsigned threads : {2u, 3u, 8u}) {
    CollectingSink many;
    decode(apk, many, {threads, 2});
    EXPECT_EQ(lines(many), lines(one)) << threads;
  }
}

TEST(AndroidArchive, CorruptClasses2IsReportedAndTheOthersRead) {
  ZipBuilder zip;
  zip.add("classes.dex", dex_with({"Lcom/a/A;"}));
  ZipBuilder::Options bad;
  bad.crc_xor = 1;
  zip.add("classes2.dex", dex_with({"Lcom/b/B;"}), bad);
  zip.add("classes3.dex", dex_with({"Lcom/c/C;"}));
  CollectingSink sink;
  decode(zip.finish(), sink);
  EXPECT_EQ(lines(sink), (std::vector<std::string>{"classes.dex class com.a.A", "classes3.dex class com.c.C"}));
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].path, "classes2.dex");
  EXPECT_FALSE(sink.damages[0].fatal);
}

TEST(AndroidArchive, DamageInsideADexKeepsItsPlaceAmongTheItemsOnWorkers) {
  Bytes bad = build_dex(DexSpec{{"Lcom/b/B;"}, {}});
  testing::dex::put_u32_at(bad, 8, 0x12345678);  // checksum: reported before the classes
  ZipBuilder zip;
  zip.add("classes.dex", dex_with({"Lcom/a/A;"}));
  zip.add("classes2.dex", text(bad));
  zip.add("classes3.dex", dex_with({"Lcom/c/C;"}));
  const std::string apk = zip.finish();
  for (unsigned threads : {1u, 2u, 3u}) {
    struct OrderSink : CodeSink {
      std::vector<std::string> seen;
      void item(const CodeItem& i) override { seen.push_back(std::string(i.path) + " " + std::string(i.value)); }
      void damage(const CodeDamage& d) override { seen.push_back(std::string(d.path) + " damage"); }
    } sink;
    auto archive = ZipArchive::open(testing::as_bytes(apk), "test.apk");
    ASSERT_TRUE(archive.has_value());
    decode_android_archive(*archive, sink, {threads, 2});
    EXPECT_EQ(sink.seen, (std::vector<std::string>{"classes.dex com.a.A", "classes2.dex damage", "classes2.dex com.b.B",
                                                   "classes3.dex com.c.C"}))
        << threads;
  }
}

TEST(AndroidArchive, DexEntryThatIsNotDexIsFatalForThatEntryOnly) {
  ZipBuilder zip;
  zip.add("classes.dex",
          "PK this is not a dex file, only bytes of the wrong kind, long enough for a header....."
          "..........................................");
  zip.add("classes2.dex", dex_with({"Lcom/b/B;"}));
  CollectingSink sink;
  decode(zip.finish(), sink);
  EXPECT_EQ(lines(sink), std::vector<std::string>{"classes2.dex class com.b.B"});
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].path, "classes.dex");
  EXPECT_EQ(sink.damages[0].reason, "bad magic: not a dex file");
  EXPECT_TRUE(sink.damages[0].fatal);
}

TEST(AndroidArchive, DexFilesOutsideTheRootAndModuleDexFoldersAreNotClassesDex) {
  ZipBuilder zip;
  zip.add("classes.dex", dex_with({"Lcom/a/A;"}));
  zip.add("assets/classes.dex", dex_with({"Lcom/hidden/H;"}));
  zip.add("classesX.dex", dex_with({"Lcom/x/X;"}));
  zip.add("a/b/dex/classes.dex", dex_with({"Lcom/deep/D;"}));
  CollectingSink sink;
  decode(zip.finish(), sink);
  EXPECT_EQ(lines(sink), std::vector<std::string>{"classes.dex class com.a.A"});
}

TEST(AndroidArchive, AabGivesProtobufManifestAndEveryModulesDex) {
  ZipBuilder zip;
  zip.add("BundleConfig.pb", "");
  zip.add("base/manifest/AndroidManifest.xml", text(testing::axml::build_proto_xml(testing::axml::wechat_manifest())));
  zip.add("base/dex/classes.dex", dex_with({"Lcom/example/shop/MainActivity;"}));
  zip.add("base/dex/classes2.dex", dex_with({"Lcom/tencent/mm/opensdk/openapi/IWXAPI;"}));
  zip.add("pay/dex/classes.dex", dex_with({"Lcom/bytedance/sdk/openadsdk/TTAdSdk;"}));
  zip.add("base/root/META-INF/x.txt", "");
  const std::string aab = zip.finish();
  CollectingSink sink;
  decode(aab, sink);
  const auto got = lines(sink);
  ASSERT_EQ(got.size(), 13u);
  EXPECT_EQ(got[0], "base/manifest/AndroidManifest.xml app com.example.shop");
  EXPECT_EQ(got[10], "base/dex/classes.dex class com.example.shop.MainActivity");
  EXPECT_EQ(got[11], "base/dex/classes2.dex class com.tencent.mm.opensdk.openapi.IWXAPI");
  EXPECT_EQ(got[12], "pay/dex/classes.dex class com.bytedance.sdk.openadsdk.TTAdSdk");
  auto archive = ZipArchive::open(testing::as_bytes(aab), "app.aab");
  ASSERT_TRUE(archive.has_value());
  EXPECT_TRUE(is_android_archive(*archive));
}

std::string xapk(const std::string& inner_name, const std::string& inner) {
  ZipBuilder zip;
  zip.add("manifest.json", R"({"package_name":"com.example.shop","split_apks":[]})");
  zip.add("icon.png", "png");
  ZipBuilder::Options stored;
  stored.deflate = false;
  zip.add(inner_name, inner, stored);
  zip.add("config.arm64_v8a.apk", shop_apk());  // deflated
  return zip.finish();
}

TEST(AndroidArchive, XapkReadsEachNestedApkWithPrefixedPaths) {
  const std::string bytes = xapk("com.example.shop.apk", shop_apk());
  CollectingSink sink;
  decode(bytes, sink);
  const auto got = lines(sink);
  ASSERT_EQ(got.size(), 28u);
  EXPECT_EQ(got[0], "com.example.shop.apk!/AndroidManifest.xml app com.example.shop");
  EXPECT_EQ(got[12], "com.example.shop.apk!/classes2.dex class com.tencent.mm.opensdk.openapi.IWXAPI");
  EXPECT_EQ(got[26], "config.arm64_v8a.apk!/classes2.dex class com.tencent.mm.opensdk.openapi.IWXAPI");
  EXPECT_TRUE(sink.damages.empty());
  auto archive = ZipArchive::open(testing::as_bytes(bytes), "app.xapk");
  ASSERT_TRUE(archive.has_value());
  EXPECT_TRUE(is_android_archive(*archive));
}

TEST(AndroidArchive, ArchivesNestedPastTheDepthLimitAreReportedNotRead) {
  ZipBuilder level2;
  level2.add("classes.dex", dex_with({"Lcom/deep/D;"}));
  ZipBuilder level1;
  level1.add("inner.apk", level2.finish());
  const std::string outer = xapk("outer.apk", level1.finish());
  CollectingSink sink;
  decode(outer, sink, {2, 1});
  EXPECT_TRUE(sink.damage_mentions("archive nested deeper than 1 levels not read"));
  const auto shallow = sink.values(CodeKind::kClass);
  EXPECT_EQ(std::find(shallow.begin(), shallow.end(), "com.deep.D"), shallow.end());
  EXPECT_FALSE(shallow.empty());  // config.arm64_v8a.apk, one level down, is read
  CollectingSink deeper;
  decode(outer, deeper, {2, 2});
  const auto classes = deeper.values(CodeKind::kClass);
  EXPECT_NE(std::find(classes.begin(), classes.end(), "com.deep.D"), classes.end());
}

TEST(AndroidArchive, NestedApkThatIsNotAZipIsReported) {
  const std::string bytes = xapk("broken.apk", "this is not a zip archive at all");
  CollectingSink sink;
  decode(bytes, sink);
  EXPECT_TRUE(sink.damage_mentions("nested archive"));
  ASSERT_FALSE(sink.damages.empty());
  EXPECT_EQ(sink.damages[0].path, "broken.apk");
  EXPECT_FALSE(sink.values(CodeKind::kClass).empty());  // config.arm64_v8a.apk still read
}

TEST(AndroidArchive, UnsafeEntryNameIsReportedAndStillRead) {
  ZipBuilder inner;
  inner.add("classes.dex", dex_with({"Lcom/evil/E;"}));
  ZipBuilder zip;
  zip.add("manifest.json", "{}");
  zip.add("../../evil.apk", inner.finish());
  CollectingSink sink;
  decode(zip.finish(), sink);
  EXPECT_TRUE(sink.damage_mentions("unsafe entry name `../../evil.apk`"));
  EXPECT_EQ(lines(sink), std::vector<std::string>{"../../evil.apk!/classes.dex class com.evil.E"});
}

TEST(AndroidArchive, UnsafeNameOfAnEntryNotReadIsStillReported) {
  ZipBuilder zip;
  zip.add("classes.dex", dex_with({"Lcom/a/A;"}));
  zip.add("/etc/cron.d/job", "* * * * * root true");
  CollectingSink sink;
  decode(zip.finish(), sink);
  EXPECT_TRUE(sink.damage_mentions("unsafe entry name `/etc/cron.d/job`"));
  EXPECT_EQ(lines(sink), std::vector<std::string>{"classes.dex class com.a.A"});
}

TEST(AndroidArchive, AndroguardTestActivityHas340ClassesAndNoDesignatedSdk) {
  std::ifstream in(std::string(INTERDICT_SHARED_DATA) + "/apk/androguard_TestActivity.apk", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto zip = ZipArchive::open(testing::as_bytes(bytes), "androguard_TestActivity.apk");
  ASSERT_TRUE(zip.has_value());
  EXPECT_TRUE(is_android_archive(*zip));
  CollectingSink sink;
  decode_android_archive(*zip, sink);
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kClass, "class").size(), 340u);
  EXPECT_EQ(sink.values(CodeKind::kApp, "self"), std::vector<std::string>{"tests.androguard"});
  for (const auto& item : sink.items) {
    EXPECT_FALSE(item.value.starts_with("com.tencent.") || item.value.starts_with("com.bytedance.") ||
                 item.value.starts_with("com.tiktok."))
        << item.value;
  }
}

TEST(AndroidArchive, IsAndroidArchiveDecidesByEntriesNotName) {
  const auto check = [](const std::string& bytes) {
    auto zip = ZipArchive::open(testing::as_bytes(bytes), "whatever.apk");
    return zip.has_value() && is_android_archive(*zip);
  };
  EXPECT_TRUE(check(shop_apk()));
  ZipBuilder ipa;
  ipa.add("Payload/Shop.app/Info.plist", "<plist/>");
  EXPECT_FALSE(check(ipa.finish()));
  ZipBuilder jar;
  jar.add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
  jar.add("com/a/B.class", "cafebabe");
  EXPECT_FALSE(check(jar.finish()));
  ZipBuilder apks;
  apks.add("toc.pb", "");
  apks.add("splits/base-master.apk", shop_apk());
  EXPECT_TRUE(check(apks.finish()));
  ZipBuilder loose_apks;  // .apk files without manifest.json or toc.pb: a folder of APKs, not an XAPK
  loose_apks.add("a.apk", shop_apk());
  EXPECT_FALSE(check(loose_apks.finish()));
}

}  // namespace
}  // namespace interdict
