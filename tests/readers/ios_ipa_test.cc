// IPA archives built in the test around generated plists and Mach-O files: an app that
// integrates WechatOpenSDK, one with TikTok's Swift SDK and a share extension, a clean
// one, and damaged ones.
#include <gtest/gtest.h>

#include "readers/ios/ios.h"
#include "readers/ios_helpers.h"
#include "readers/ios_macho_builder.h"
#include "readers/zip/zip.h"

namespace interdict::testing {
namespace {

std::string info_plist(std::string_view id, std::string_view executable, std::string_view version,
                       std::string_view queries = {}) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>\n";
  xml += "<key>CFBundleIdentifier</key><string>" + std::string(id) + "</string>\n";
  xml += "<key>CFBundleExecutable</key><string>" + std::string(executable) + "</string>\n";
  xml += "<key>CFBundleShortVersionString</key><string>" + std::string(version) + "</string>\n";
  if (!queries.empty()) xml += "<key>LSApplicationQueriesSchemes</key><array>" + std::string(queries) + "</array>\n";
  return xml + "</dict></plist>\n";
}

// A framework's Info.plist in the binary form Xcode writes into built bundles.
std::string binary_framework_plist(std::string_view id, std::string_view executable, std::string_view version) {
  BplistBuilder b;
  auto root = b.add_named_dict({{"CFBundleIdentifier", b.add_string(id)},
                                {"CFBundleExecutable", b.add_string(executable)},
                                {"CFBundleShortVersionString", b.add_string(version)},
                                {"CFBundlePackageType", b.add_string("FMWK")}});
  return b.build(root);
}

std::string macho(std::vector<std::string> classes, std::vector<std::string> dylibs) {
  MachoSpec spec;
  spec.classes = std::move(classes);
  spec.dylibs = std::move(dylibs);
  return build_macho(spec).bytes;
}

std::string wechat_ipa(const ZipBuilder::Options& sdk_binary_options = {}) {
  ZipBuilder zip;
  zip.add("Payload/", "");
  zip.add("Payload/Shop.app/", "");
  zip.add("Payload/Shop.app/Info.plist",
          info_plist("com.example.shop", "Shop", "4.2.1", "<string>weixin</string><string>weixinULAPI</string>"));
  zip.add("Payload/Shop.app/Shop",
          macho({"AppDelegate", "CartViewController"},
                {"@rpath/WechatOpenSDK.framework/WechatOpenSDK", "/usr/lib/libSystem.B.dylib"}));
  zip.add("Payload/Shop.app/Assets.car", std::string(4096, 'a'));
  zip.add("Payload/Shop.app/Frameworks/WechatOpenSDK.framework/Info.plist",
          binary_framework_plist("com.tencent.WechatOpenSDK", "WechatOpenSDK", "2.0.4"));
  const std::string sdk = macho({"WXApi", "WXApiObject", "SendAuthReq"}, {});
  zip.add("Payload/Shop.app/Frameworks/WechatOpenSDK.framework/WechatOpenSDK", build_fat({sdk, sdk}),
          sdk_binary_options);
  return zip.finish();
}

CollectingSink read_ipa(const std::string& bytes) {
  CollectingSink sink;
  auto zip = ZipArchive::open(as_bytes(bytes), "test.ipa");
  EXPECT_TRUE(zip) << zip.error().to_string();
  if (zip) decode_ipa(*zip, sink);
  return sink;
}

TEST(IosIpa, WechatOpenSdkIntegrationShowsEverywhere) {
  CollectingSink sink = read_ipa(wechat_ipa());
  EXPECT_TRUE(sink.damages.empty());
  const OwnedItem* app = sink.find(CodeKind::kApp, "com.example.shop");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->version, "4.2.1");
  EXPECT_EQ(app->path, "Payload/Shop.app/Info.plist");
  EXPECT_EQ(sink.values(CodeKind::kScheme, "queries"), (std::vector<std::string>{"weixin", "weixinULAPI"}));
  EXPECT_EQ(sink.values(CodeKind::kFramework, "links"), std::vector<std::string>{"WechatOpenSDK"});
  EXPECT_EQ(sink.values(CodeKind::kFramework, "embedded"), std::vector<std::string>{"WechatOpenSDK"});
  for (const auto& item : sink.items) {
    if (item.kind != CodeKind::kFramework || item.role != "embedded") continue;
    EXPECT_EQ(item.version, "2.0.4");
    EXPECT_EQ(item.component, "com.tencent.WechatOpenSDK");
    EXPECT_EQ(item.path, "Payload/Shop.app/Frameworks/WechatOpenSDK.framework");
  }
  EXPECT_EQ(sink.values(CodeKind::kClass),
            (std::vector<std::string>{"AppDelegate", "CartViewController", "WXApi", "WXApiObject", "SendAuthReq"}));
  EXPECT_EQ(sink.find(CodeKind::kClass, "WXApi")->path,
            "Payload/Shop.app/Frameworks/WechatOpenSDK.framework/WechatOpenSDK");
  EXPECT_EQ(sink.find(CodeKind::kClass, "AppDelegate")->path, "Payload/Shop.app/Shop");
  EXPECT_EQ(sink.items.size(), 10u);
}

TEST(IosIpa, TikTokSwiftSdkAndShareExtension) {
  ZipBuilder zip;
  zip.add("Payload/Video.app/Info.plist",
          info_plist("com.example.video", "Video", "1.0",
                     "<string>tiktokopensdk</string><string>snssdk1233</string><string>tiktoksharesdk</string>"));
  zip.add("Payload/Video.app/Video",
          macho({"_TtC5Video11AppDelegate"}, {"@rpath/TikTokOpenSDKCore.framework/TikTokOpenSDKCore"}));
  zip.add("Payload/Video.app/Frameworks/TikTokOpenSDKCore.framework/Info.plist",
          binary_framework_plist("com.tiktok.TikTokOpenSDKCore", "TikTokOpenSDKCore", "2.3.0"));
  zip.add("Payload/Video.app/Frameworks/TikTokOpenSDKCore.framework/TikTokOpenSDKCore",
          macho({"_TtC17TikTokOpenSDKCore16TikTokURLHandler", "_TtCC17TikTokOpenSDKCore11TikTokOAuth7Request"}, {}));
  zip.add("Payload/Video.app/PlugIns/Share.appex/Info.plist", info_plist("com.example.video.share", "Share", "1.0"));
  zip.add("Payload/Video.app/PlugIns/Share.appex/Share",
          macho({"_TtC5Share19ShareViewController"}, {"@rpath/TikTokOpenShareSDK.framework/TikTokOpenShareSDK"}));
  CollectingSink sink = read_ipa(zip.finish());
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kApp, "self"), std::vector<std::string>{"com.example.video"});
  EXPECT_EQ(sink.values(CodeKind::kApp, "extension"), std::vector<std::string>{"com.example.video.share"});
  EXPECT_EQ(sink.values(CodeKind::kScheme, "queries"),
            (std::vector<std::string>{"tiktokopensdk", "snssdk1233", "tiktoksharesdk"}));
  EXPECT_EQ(sink.values(CodeKind::kFramework, "embedded"), std::vector<std::string>{"TikTokOpenSDKCore"});
  EXPECT_EQ(sink.values(CodeKind::kFramework, "links"),
            (std::vector<std::string>{"TikTokOpenSDKCore", "TikTokOpenShareSDK"}));
  EXPECT_EQ(sink.values(CodeKind::kFramework, "swift-module"),
            (std::vector<std::string>{"Video", "TikTokOpenSDKCore", "Share"}));
  EXPECT_EQ(sink.values(CodeKind::kClass),
            (std::vector<std::string>{"Video.AppDelegate", "TikTokOpenSDKCore.TikTokURLHandler",
                                      "TikTokOpenSDKCore.TikTokOAuth.Request", "Share.ShareViewController"}));
}

TEST(IosIpa, CleanAppHasOnlyItsOwnItems) {
  ZipBuilder zip;
  zip.add("Payload/Notes.app/Info.plist", info_plist("org.example.notes", "Notes", "3.1"));
  zip.add("Payload/Notes.app/Notes", macho({"NotesAppDelegate"}, {"/System/Library/Frameworks/UIKit.framework/UIKit"}));
  zip.add("Payload/Notes.app/en.lproj/Main.strings", "\"a\" = \"b\";");
  zip.add("iTunesMetadata.plist", "<plist><dict/></plist>");
  CollectingSink sink = read_ipa(zip.finish());
  EXPECT_TRUE(sink.damages.empty());
  ASSERT_EQ(sink.items.size(), 2u);
  EXPECT_EQ(sink.items[0].value, "org.example.notes");
  EXPECT_EQ(sink.items[1].value, "NotesAppDelegate");
}

TEST(IosIpa, CorruptFrameworkBinaryIsLocalDamage) {
  ZipBuilder::Options bad;
  bad.crc_xor = 0x1234;
  CollectingSink sink = read_ipa(wechat_ipa(bad));
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].path, "Payload/Shop.app/Frameworks/WechatOpenSDK.framework/WechatOpenSDK");
  EXPECT_FALSE(sink.damages[0].fatal);
  EXPECT_EQ(sink.values(CodeKind::kFramework, "embedded"), std::vector<std::string>{"WechatOpenSDK"});
  EXPECT_EQ(sink.find(CodeKind::kClass, "WXApi"), nullptr);
  EXPECT_NE(sink.find(CodeKind::kApp, "com.example.shop"), nullptr);
}

TEST(IosIpa, MissingExecutableAndBrokenPlistAreLocalDamage) {
  ZipBuilder zip;
  zip.add("Payload/Shop.app/Info.plist", info_plist("com.example.shop", "Shop", "1.0"));
  zip.add("Payload/Shop.app/Frameworks/WechatOpenSDK.framework/Info.plist", "bplist00 broken");
  zip.add("Payload/Shop.app/Frameworks/WechatOpenSDK.framework/WechatOpenSDK", macho({"WXApi"}, {}));
  CollectingSink sink = read_ipa(zip.finish());
  EXPECT_FALSE(sink.any_fatal());
  EXPECT_TRUE(sink.damage_mentions("executable `Shop` not in the bundle"));
  EXPECT_TRUE(sink.damage_mentions("binary plist shorter than its trailer"));
  // The framework is still named, and its binary found by the bundle's name.
  EXPECT_EQ(sink.values(CodeKind::kFramework, "embedded"), std::vector<std::string>{"WechatOpenSDK"});
  EXPECT_NE(sink.find(CodeKind::kClass, "WXApi"), nullptr);
}

TEST(IosIpa, ExecutableThatIsNotMachOIsDamageNamingIt) {
  ZipBuilder zip;
  zip.add("Payload/Shop.app/Info.plist", info_plist("com.example.shop", "Shop", "1.0"));
  zip.add("Payload/Shop.app/Shop", "#!/bin/sh\necho not a binary\n");
  CollectingSink sink = read_ipa(zip.finish());
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].path, "Payload/Shop.app/Shop");
  EXPECT_EQ(sink.damages[0].reason, "no mach-o header");
}

TEST(IosIpa, ZipWithoutAppBundleIsNotAnIpaAndIsFatal) {
  ZipBuilder zip;
  zip.add("AndroidManifest.xml", "x");
  zip.add("Payload/readme.txt", "x");
  zip.add("Payload/../../etc/passwd.app/x", "x");
  const std::string bytes = zip.finish();
  auto archive = ZipArchive::open(as_bytes(bytes), "x.zip");
  ASSERT_TRUE(archive);
  EXPECT_FALSE(is_ipa(*archive));
  CollectingSink sink;
  decode_ipa(*archive, sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_TRUE(sink.damages[0].fatal);
  EXPECT_EQ(sink.damages[0].reason, "no Payload/<name>.app bundle");
}

TEST(IosIpa, IsIpaByItsPayload) {
  const std::string bytes = wechat_ipa();
  auto archive = ZipArchive::open(as_bytes(bytes), "x.ipa");
  ASSERT_TRUE(archive);
  EXPECT_TRUE(is_ipa(*archive));
}

TEST(IosIpa, EveryTruncationIsSurvived) {
  const std::string bytes = wechat_ipa();
  for (std::size_t keep = 0; keep < bytes.size(); keep += 7) {
    auto archive = ZipArchive::open(as_bytes(std::string_view(bytes).substr(0, keep)), "cut.ipa");
    if (!archive) continue;
    CollectingSink sink;
    decode_ipa(*archive, sink);
  }
}

}  // namespace
}  // namespace interdict::testing
