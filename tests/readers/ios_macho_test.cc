// Mach-O: class names and linked frameworks from generated files and from objects and
// binaries built by clang, llvm-lipo and ld64.lld where those are installed; damaged
// headers, load commands, sections and universal tables.
#include <gtest/gtest.h>

#include <fstream>

#include "readers/ios/ios.h"
#include "readers/ios/swift_name.h"
#include "readers/ios_macho_builder.h"

namespace interdict::testing {
namespace {

constexpr char kWechatFramework[] = "@rpath/WechatOpenSDK.framework/WechatOpenSDK";

CollectingSink scan(const std::string& bytes) {
  CollectingSink sink;
  decode_macho(as_bytes(bytes), "Payload/Shop.app/Shop", sink);
  return sink;
}

void set32(std::string& bytes, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>(v >> (8 * i) & 0xFF);
}

MachoSpec sdk_spec() {
  MachoSpec spec;
  spec.classes = {"WXApi", "WXApiObject", "_TtC17TikTokOpenSDKCore15TikTokURLOpener"};
  spec.dylibs = {kWechatFramework, "/System/Library/Frameworks/UIKit.framework/UIKit", "/usr/lib/libobjc.A.dylib"};
  return spec;
}

TEST(IosMacho, ThinFileEmitsClassesSwiftModuleAndRpathFrameworks) {
  BuiltMacho built = build_macho(sdk_spec());
  CollectingSink sink = scan(built.bytes);
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kClass, "objc-class"),
            (std::vector<std::string>{"WXApi", "WXApiObject", "TikTokOpenSDKCore.TikTokURLOpener"}));
  const OwnedItem* swift = sink.find(CodeKind::kClass, "TikTokOpenSDKCore.TikTokURLOpener");
  ASSERT_NE(swift, nullptr);
  EXPECT_EQ(swift->component, "_TtC17TikTokOpenSDKCore15TikTokURLOpener");
  EXPECT_EQ(sink.values(CodeKind::kFramework, "swift-module"), std::vector<std::string>{"TikTokOpenSDKCore"});
  EXPECT_EQ(sink.values(CodeKind::kFramework, "links"), std::vector<std::string>{"WechatOpenSDK"});
  EXPECT_EQ(sink.find(CodeKind::kFramework, "WechatOpenSDK")->component, kWechatFramework);
  EXPECT_EQ(sink.find(CodeKind::kClass, "WXApi")->offset, built.section_data_at);
  EXPECT_EQ(sink.find(CodeKind::kClass, "WXApiObject")->offset, built.section_data_at + 6);
  EXPECT_EQ(sink.items[0].path, "Payload/Shop.app/Shop");
}

TEST(IosMacho, GeneratedFileIsReadByLlvmOtool) {
  std::string out;
  const std::string tools = "PATH=$PATH:/usr/lib/llvm-14/bin ";
  if (!run_command(tools + "command -v llvm-otool >/dev/null 2>&1", out)) GTEST_SKIP() << "llvm-otool absent";
  const std::string file = write_temp("sdk.macho", build_macho(sdk_spec()).bytes);
  ASSERT_TRUE(run_command(tools + "llvm-otool -L " + file + " 2>&1", out));
  EXPECT_NE(out.find("@rpath/WechatOpenSDK.framework/WechatOpenSDK (compatibility version 1.0.0, current version "
                     "1.0.0)"),
            std::string::npos)
      << out;
  out.clear();
  ASSERT_TRUE(run_command(tools + "llvm-objdump --macho -s --section=__TEXT,__objc_classname " + file + " 2>&1", out));
  EXPECT_NE(out.find("WXApi"), std::string::npos) << out;
}

TEST(IosMacho, ThirtyTwoBitBigEndianFile) {
  MachoSpec spec = sdk_spec();
  spec.wide = false;
  spec.big_endian = true;
  CollectingSink sink = scan(build_macho(spec).bytes);
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kClass).size(), 3u);
  EXPECT_EQ(sink.values(CodeKind::kFramework, "links"), std::vector<std::string>{"WechatOpenSDK"});
}

TEST(IosMacho, WeakAndReexportedFrameworksAreLinks) {
  for (std::uint32_t cmd : {ios::macho::kLcLoadWeakDylib, ios::macho::kLcReexportDylib}) {
    MachoSpec spec;
    spec.dylibs = {"@rpath/TikTokOpenSDK.framework/TikTokOpenSDK", "@rpath/libswiftCore.dylib",
                   "@rpath/Other.framework/NotOther"};
    spec.dylib_command = cmd;
    CollectingSink sink = scan(build_macho(spec).bytes);
    EXPECT_EQ(sink.values(CodeKind::kFramework, "links"), std::vector<std::string>{"TikTokOpenSDK"}) << cmd;
  }
}

TEST(IosMacho, UniversalFileEmitsEachNameOnceWithAbsoluteOffsets) {
  MachoSpec second = sdk_spec();
  second.classes.push_back("TikTokOpenSDKShareRequest");
  BuiltMacho a = build_macho(sdk_spec());
  BuiltMacho b = build_macho(second);
  for (bool wide : {false, true}) {
    const std::string fat = build_fat({a.bytes, b.bytes}, wide);
    CollectingSink sink = scan(fat);
    EXPECT_TRUE(sink.damages.empty());
    EXPECT_EQ(sink.values(CodeKind::kClass).size(), 4u);
    EXPECT_EQ(sink.values(CodeKind::kFramework).size(), 2u);
    const OwnedItem* extra = sink.find(CodeKind::kClass, "TikTokOpenSDKShareRequest");
    ASSERT_NE(extra, nullptr);
    EXPECT_EQ(fat.substr(extra->offset, 25), "TikTokOpenSDKShareRequest");
  }
}

TEST(IosMacho, SwiftClassNamesDemangleOnlyInTheirSimpleForms) {
  struct Case {
    const char* mangled;
    const char* expected;  // nullptr: not demangled
  };
  const Case cases[] = {
      {"_TtC4Main3App", "Main.App"},
      {"_TtCC4Main5Outer5Inner", "Main.Outer.Inner"},
      {"_TtCs12_SwiftObject", "Swift._SwiftObject"},
      {"_TtC4Mai", nullptr},
      {"_TtC04Main3App", nullptr},
      {"_TtGC4Main3Box_", nullptr},
      {"_TtC4Main3Appx", nullptr},
      {"_TtC4MainP33_0123456789abcdef0123456789abcdef3App", nullptr},
      {"_TtC99999999999999999999999999", nullptr},
      {"_TtC", nullptr},
      {"WXApi", nullptr},
  };
  for (const Case& c : cases) {
    std::string out;
    std::string_view module;
    const bool ok = ios::demangle_swift_class(c.mangled, out, module);
    EXPECT_EQ(ok, c.expected != nullptr) << c.mangled;
    if (ok && c.expected != nullptr) {
      EXPECT_EQ(out, c.expected);
    }
  }
}

TEST(IosMacho, NcmdsPastSizeofcmdsIsDamageAndTheCommandsThereAreRead) {
  BuiltMacho built = build_macho(sdk_spec());
  set32(built.bytes, built.ncmds_at, 100000);
  CollectingSink sink = scan(built.bytes);
  EXPECT_TRUE(sink.damage_mentions("ncmds 100000 past sizeofcmds"));
  EXPECT_FALSE(sink.any_fatal());
  EXPECT_EQ(sink.values(CodeKind::kClass).size(), 3u);
  EXPECT_EQ(sink.values(CodeKind::kFramework, "links").size(), 1u);
}

TEST(IosMacho, SizeofcmdsPastTheEndIsDamage) {
  BuiltMacho built = build_macho(sdk_spec());
  set32(built.bytes, built.sizeofcmds_at, 0x7FFFFFFF);
  CollectingSink sink = scan(built.bytes);
  EXPECT_TRUE(sink.damage_mentions("sizeofcmds 2147483647 past the end"));
  EXPECT_FALSE(sink.any_fatal());
}

TEST(IosMacho, CmdsizeZeroStopsTheWalkWithoutLooping) {
  BuiltMacho built = build_macho(sdk_spec());
  set32(built.bytes, built.dylib_at[0] + 4, 0);
  CollectingSink sink = scan(built.bytes);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].reason, "load command 1 has cmdsize 0");
  EXPECT_EQ(sink.damages[0].offset, built.dylib_at[0]);
  EXPECT_EQ(sink.values(CodeKind::kClass).size(), 3u);  // the segment before it was read
  EXPECT_TRUE(sink.values(CodeKind::kFramework, "links").empty());
}

TEST(IosMacho, CmdsizePastSizeofcmdsIsDamage) {
  BuiltMacho built = build_macho(sdk_spec());
  set32(built.bytes, built.segment_at + 4, 0x10000);
  CollectingSink sink = scan(built.bytes);
  EXPECT_TRUE(sink.damage_mentions("load command 0 has cmdsize 65536"));
  EXPECT_TRUE(sink.items.empty());
}

TEST(IosMacho, SectionOffsetOutsideTheFileSkipsOnlyThatSection) {
  BuiltMacho built = build_macho(sdk_spec());
  set32(built.bytes, built.section_offset_at, 0xFFFFFF00);
  CollectingSink sink = scan(built.bytes);
  EXPECT_TRUE(sink.damage_mentions("section __objc_classname at 4294967040 size"));
  EXPECT_TRUE(sink.damage_mentions("outside the file"));
  EXPECT_TRUE(sink.values(CodeKind::kClass).empty());
  EXPECT_EQ(sink.values(CodeKind::kFramework, "links"), std::vector<std::string>{"WechatOpenSDK"});
}

TEST(IosMacho, NsectsPastCmdsizeIsDamage) {
  BuiltMacho built = build_macho(sdk_spec());
  set32(built.bytes, built.segment_at + 64, 5000);
  CollectingSink sink = scan(built.bytes);
  EXPECT_TRUE(sink.damage_mentions("segment nsects 5000 past cmdsize"));
  EXPECT_EQ(sink.values(CodeKind::kClass).size(), 3u);
}

TEST(IosMacho, DylibNameOffsetOutsideItsCommandIsDamage) {
  BuiltMacho built = build_macho(sdk_spec());
  set32(built.bytes, built.dylib_at[0] + 8, 4000);
  CollectingSink sink = scan(built.bytes);
  EXPECT_TRUE(sink.damage_mentions("dylib name offset 4000 outside its command"));
  EXPECT_TRUE(sink.values(CodeKind::kFramework, "links").empty());
}

TEST(IosMacho, FatSlicePointingOutsideTheFileIsSkipped) {
  const std::string slice = build_macho(sdk_spec()).bytes;
  std::string fat = build_fat({slice, slice});
  const std::size_t second_offset = 8 + 20 + 8;
  for (int i = 0; i < 4; ++i) fat[second_offset + i] = '\x7F';
  CollectingSink sink = scan(fat);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_FALSE(sink.damages[0].fatal);
  EXPECT_NE(sink.damages[0].reason.find("slice 1 at 2139062143"), std::string::npos);
  EXPECT_EQ(sink.values(CodeKind::kClass).size(), 3u);
}

TEST(IosMacho, FatFileWithNoReadableSliceIsFatal) {
  std::string fat = build_fat({std::string(64, 'x')});
  CollectingSink sink = scan(fat);
  EXPECT_TRUE(sink.damage_mentions("slice 0 has no mach-o header"));
  ASSERT_TRUE(sink.any_fatal());
  EXPECT_EQ(sink.damages.back().reason, "no readable slice");
}

TEST(IosMacho, FatArchCountPastTheEndIsFatal) {
  std::string fat = build_fat({build_macho(sdk_spec()).bytes});
  fat[7] = 20;
  CollectingSink sink = scan(fat.substr(0, 100));
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].reason, "fat header lists 20 slices past the end");
  EXPECT_TRUE(sink.damages[0].fatal);
}

TEST(IosMacho, NotMachOIsFatal) {
  CollectingSink sink = scan("PK\x03\x04 not a binary");
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].reason, "no mach-o header");
  EXPECT_TRUE(sink.damages[0].fatal);
}

TEST(IosMacho, EveryTruncationOfAUniversalFileIsSurvived) {
  const std::string fat = build_fat({build_macho(sdk_spec()).bytes, build_macho(MachoSpec{.wide = false}).bytes});
  for (std::size_t keep = 0; keep <= fat.size(); ++keep) {
    CollectingSink sink = scan(fat.substr(0, keep));
    if (keep < fat.size()) {
      EXPECT_FALSE(sink.damages.empty()) << keep;
    }
  }
}

TEST(IosMacho, EncryptedClassNamesAreDamageAndTheRestIsRead) {
  MachoSpec spec = sdk_spec();
  spec.cryptid = 1;
  CollectingSink sink = scan(build_macho(spec).bytes);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].reason, "section __objc_classname is encrypted (cryptid 1)");
  EXPECT_FALSE(sink.damages[0].fatal);
  EXPECT_TRUE(sink.values(CodeKind::kClass).empty());
  EXPECT_EQ(sink.values(CodeKind::kFramework, "links"), std::vector<std::string>{"WechatOpenSDK"});
}

TEST(IosMacho, DecryptedBinaryWithCryptidZeroIsRead) {
  MachoSpec spec = sdk_spec();
  spec.cryptid = 1;
  BuiltMacho built = build_macho(spec);
  built.bytes[built.section_data_at - 8] = 0;  // cryptid, as decrypting tools leave it
  CollectingSink sink = scan(built.bytes);
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kClass).size(), 3u);
}

TEST(IosMacho, LooksLikeMachoTellsJavaClassFilesApart) {
  EXPECT_TRUE(looks_like_macho(as_bytes(build_macho(sdk_spec()).bytes)));
  EXPECT_TRUE(looks_like_macho(as_bytes(build_fat({"x"}))));
  EXPECT_FALSE(looks_like_macho(as_bytes(std::string("\xCA\xFE\xBA\xBE\x00\x00\x00\x34", 8))));  // Java 8
  EXPECT_FALSE(
      looks_like_macho(as_bytes("\x7F"
                                "ELF")));
  EXPECT_FALSE(looks_like_macho({}));
}

}  // namespace
}  // namespace interdict::testing
