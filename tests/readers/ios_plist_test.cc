// Property lists: Info.plist identifiers from XML and binary lists, binary lists checked
// against Python's plistlib both ways, and damaged lists that must not crash or loop.
#include <gtest/gtest.h>

#include <chrono>

#include "readers/ios/ios.h"
#include "readers/ios/plist.h"
#include "readers/ios_helpers.h"

namespace interdict::testing {
namespace {

using ios::Plist;
using ios::PlistType;

const char* const kWechatXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>CFBundleExecutable</key><string>Shop</string>
  <key>CFBundleIdentifier</key><string>com.example.shop</string>
  <key>CFBundleShortVersionString</key><string>4.2.1</string>
  <key>CFBundleVersion</key><string>421</string>
  <key>CFBundleURLTypes</key>
  <array>
    <dict><key>CFBundleURLName</key><string>weixin</string>
          <key>CFBundleURLSchemes</key><array><string>wx1234567890abcdef</string></array></dict>
    <dict><key>CFBundleURLSchemes</key><array><string>shop</string><string>shop-auth</string></array></dict>
  </array>
  <key>LSApplicationQueriesSchemes</key>
  <array><string>weixin</string><string>weixinULAPI</string></array>
  <key>UIRequiredDeviceCapabilities</key><array><string>arm64</string></array>
  <key>LSRequiresIPhoneOS</key><true/>
  <key>MinimumOSVersion</key><real>12.0</real>
</dict>
</plist>
)";

void expect_wechat_items(const CollectingSink& sink) {
  EXPECT_TRUE(sink.damages.empty());
  const OwnedItem* self = sink.find(CodeKind::kApp, "com.example.shop");
  ASSERT_NE(self, nullptr);
  EXPECT_EQ(self->role, "self");
  EXPECT_EQ(self->version, "4.2.1");
  EXPECT_EQ(self->path, "Payload/Shop.app/Info.plist");
  EXPECT_EQ(sink.values(CodeKind::kScheme, "url-scheme"),
            (std::vector<std::string>{"wx1234567890abcdef", "shop", "shop-auth"}));
  EXPECT_EQ(sink.values(CodeKind::kScheme, "queries"), (std::vector<std::string>{"weixin", "weixinULAPI"}));
  EXPECT_EQ(sink.items.size(), 6u);
}

TEST(IosPlist, XmlInfoPlistEmitsBundleIdSchemesAndQueries) {
  CollectingSink sink;
  decode_info_plist(as_bytes(kWechatXml), "Payload/Shop.app/Info.plist", sink);
  expect_wechat_items(sink);
}

TEST(IosPlist, BinaryInfoPlistEmitsTheSameAsXml) {
  CollectingSink sink;
  decode_info_plist(as_bytes(wechat_binary()), "Payload/Shop.app/Info.plist", sink);
  expect_wechat_items(sink);
}

TEST(IosPlist, VersionFallsBackToBundleVersion) {
  CollectingSink sink;
  decode_info_plist(as_bytes("<plist><dict><key>CFBundleIdentifier</key><string>a.b</string>"
                             "<key>CFBundleVersion</key><string>77</string></dict></plist>"),
                    "", sink);
  ASSERT_EQ(sink.items.size(), 1u);
  EXPECT_EQ(sink.items[0].version, "77");
}

TEST(IosPlist, BinaryUtf16SurrogatePairAndLoneSurrogate) {
  BplistBuilder b;
  auto root = b.add_utf16({0x0077, 0xD83D, 0xDE00, 0xD800, 0x0078});
  auto plist = Plist::decode(as_bytes(b.build(root)));
  ASSERT_TRUE(plist);
  EXPECT_EQ(plist->root().text, "w\xF0\x9F\x98\x80\xEF\xBF\xBDx");
}

TEST(IosPlist, BinaryDatesOutOfRangeAreZeroNotUndefined) {
  BplistBuilder b;
  std::string nan = "\x33";
  put_be(nan, 0x7FF8000000000000ULL, 8);  // NaN
  std::string huge = "\x33";
  put_be(huge, 0x7FEFFFFFFFFFFFFFULL, 8);  // DBL_MAX
  std::string day = "\x33";
  put_be(day, 0x40F5180000000000ULL, 8);  // 86400.0
  auto root = b.add_array({b.add_raw(nan), b.add_raw(huge), b.add_raw(day)});
  auto plist = Plist::decode(as_bytes(b.build(root)));
  ASSERT_TRUE(plist);
  ASSERT_EQ(plist->root().items.size(), 3u);
  EXPECT_EQ(plist->node(plist->root().items[0]).integer, 0);
  EXPECT_EQ(plist->node(plist->root().items[1]).integer, 0);
  EXPECT_EQ(plist->node(plist->root().items[2]).type, PlistType::kDate);
  EXPECT_EQ(plist->node(plist->root().items[2]).integer, 86400);
}

TEST(IosPlist, BinaryCyclicReferenceIsDamageNotALoop) {
  BplistBuilder b;
  // Object 0 is an array holding itself and a string.
  auto root = b.add_array({0, 1});
  b.add_string("ok");
  auto plist = Plist::decode(as_bytes(b.build(root)));
  ASSERT_TRUE(plist);
  ASSERT_EQ(plist->root().items.size(), 1u);
  EXPECT_EQ(plist->node(plist->root().items[0]).text, "ok");
  ASSERT_EQ(plist->damage().size(), 1u);
  EXPECT_NE(plist->damage()[0].reason.find("cyclic reference"), std::string::npos);
}

TEST(IosPlist, BinaryReferenceOutOfRangeSkipsOnlyThatElement) {
  BplistBuilder b;
  auto schemes = b.add_array({b.add_string("weixin"), 999});
  auto root = b.add_named_dict({{"LSApplicationQueriesSchemes", schemes}});
  CollectingSink sink;
  decode_info_plist(as_bytes(b.build(root)), "Info.plist", sink);
  EXPECT_EQ(sink.values(CodeKind::kScheme, "queries"), std::vector<std::string>{"weixin"});
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_FALSE(sink.damages[0].fatal);
  EXPECT_NE(sink.damages[0].reason.find("object reference 999 out of range"), std::string::npos);
}

TEST(IosPlist, BinarySharedObjectsAreDecodedOnce) {
  // 60 arrays, each holding the next one twice: 2^60 paths, 60 objects.
  BplistBuilder b;
  for (std::uint64_t i = 0; i < 60; ++i) b.add_array({i + 1, i + 1});
  b.add_string("leaf");
  const auto start = std::chrono::steady_clock::now();
  auto plist = Plist::decode(as_bytes(b.build(0)));
  ASSERT_TRUE(plist);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_TRUE(plist->damage().empty());
}

TEST(IosPlist, BinaryNestingPastTheDepthBoundIsDamage) {
  BplistBuilder b;
  for (std::uint64_t i = 0; i < 200; ++i) b.add_array({i + 1});
  b.add_string("leaf");
  auto plist = Plist::decode(as_bytes(b.build(0)));
  ASSERT_TRUE(plist);
  ASSERT_FALSE(plist->damage().empty());
  EXPECT_NE(plist->damage()[0].reason.find("nested deeper than 64"), std::string::npos);
}

TEST(IosPlist, BinaryStringLengthPastTheObjectAreaIsDamage) {
  BplistBuilder b;
  auto bad = b.add_raw(std::string("\x5F\x13\x00\x00\x00\x00\x00\x01\x00\x00", 10) + "abc");
  auto root = b.add_array({bad, b.add_string("fine")});
  auto plist = Plist::decode(as_bytes(b.build(root)));
  ASSERT_TRUE(plist);
  EXPECT_EQ(plist->root().items.size(), 1u);
  ASSERT_EQ(plist->damage().size(), 1u);
  EXPECT_NE(plist->damage()[0].reason.find("length 65536 past the object area"), std::string::npos);
}

TEST(IosPlist, BinaryUnknownMarkerIsDamage) {
  BplistBuilder b;
  auto root = b.add_array({b.add_raw("\x77"), b.add_string("fine")});
  auto plist = Plist::decode(as_bytes(b.build(root)));
  ASSERT_TRUE(plist);
  EXPECT_EQ(plist->root().items.size(), 1u);
  EXPECT_NE(plist->damage().at(0).reason.find("unknown marker 119"), std::string::npos);
}

TEST(IosPlist, BinaryObjectCountPastTheOffsetTableIsFatal) {
  BplistBuilder b;
  std::string bytes = b.build(b.add_string("x"));
  bytes[bytes.size() - 24 + 7] = '\x50';  // 80 objects, one offset in the table
  CollectingSink sink;
  decode_info_plist(as_bytes(bytes), "Info.plist", sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_TRUE(sink.damages[0].fatal);
  EXPECT_EQ(sink.damages[0].reason, "object count 80 past the offset table");
  EXPECT_TRUE(sink.items.empty());
}

TEST(IosPlist, BinaryOffsetTableOutsideTheFileIsFatal) {
  BplistBuilder b;
  std::string bytes = b.build(b.add_string("x"));
  bytes[bytes.size() - 2] = '\x7F';
  auto plist = Plist::decode(as_bytes(bytes));
  ASSERT_FALSE(plist);
  EXPECT_EQ(plist.error().category(), ErrorCategory::kParse);
  EXPECT_NE(plist.error().message().find("outside the file"), std::string::npos);
}

TEST(IosPlist, BinaryBadReferenceSizeIsFatal) {
  BplistBuilder b;
  std::string bytes = b.build(b.add_string("x"));
  bytes[bytes.size() - 25] = '\x09';
  auto plist = Plist::decode(as_bytes(bytes));
  ASSERT_FALSE(plist);
  EXPECT_EQ(plist.error().message(), "bad offset or reference size in trailer");
}

TEST(IosPlist, BinaryTruncatedFileIsFatal) {
  std::string bytes = wechat_binary();
  for (std::size_t keep : {std::size_t{0}, std::size_t{8}, std::size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    CollectingSink sink;
    decode_info_plist(as_bytes(std::string_view(bytes).substr(0, keep)), "Info.plist", sink);
    EXPECT_TRUE(sink.any_fatal()) << keep;
  }
}

TEST(IosPlist, BinaryRootThatIsNotADictEmitsNothing) {
  BplistBuilder b;
  CollectingSink sink;
  decode_info_plist(as_bytes(b.build(b.add_string_array({"weixin"}))), "Info.plist", sink);
  EXPECT_TRUE(sink.items.empty());
  EXPECT_TRUE(sink.damages.empty());
}

TEST(IosPlist, XmlNotWellFormedIsFatal) {
  CollectingSink sink;
  decode_info_plist(as_bytes("<plist><dict><key>CFBundleIdentifier</key><string>a.b</dict></plist>"), "Info.plist",
                    sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_TRUE(sink.damages[0].fatal);
  EXPECT_EQ(sink.damages[0].reason.rfind("xml plist: ", 0), 0u);
}

TEST(IosPlist, XmlWithoutPlistElementIsFatal) {
  auto plist = Plist::decode(as_bytes("<?xml version=\"1.0\"?><html/>"));
  ASSERT_FALSE(plist);
  EXPECT_EQ(plist.error().message(), "xml has no <plist> value");
}

TEST(IosPlist, XmlKeyWithoutValueAndBadIntegerAreLocalDamage) {
  CollectingSink sink;
  decode_info_plist(as_bytes("<plist><dict><key>Orphan</key><key>N</key><integer>12x</integer>"
                             "<key>CFBundleIdentifier</key><string>a.b</string><string>stray</string>"
                             "<key>LSApplicationQueriesSchemes</key><array><bogus/><string>weixin</string></array>"
                             "</dict></plist>"),
                    "Info.plist", sink);
  EXPECT_EQ(sink.values(CodeKind::kApp), std::vector<std::string>{"a.b"});
  EXPECT_EQ(sink.values(CodeKind::kScheme), std::vector<std::string>{"weixin"});
  EXPECT_TRUE(sink.damage_mentions("dictionary key without a value"));
  EXPECT_TRUE(sink.damage_mentions("integer `12x` is not a number"));
  EXPECT_TRUE(sink.damage_mentions("dictionary value without a key"));
  EXPECT_TRUE(sink.damage_mentions("unknown element `bogus`"));
  EXPECT_FALSE(sink.any_fatal());
}

TEST(IosPlist, XmlNestingPastTheDepthBoundIsDamage) {
  std::string xml = "<plist>";
  for (int i = 0; i < 100; ++i) xml += "<array>";
  for (int i = 0; i < 100; ++i) xml += "</array>";
  xml += "</plist>";
  auto plist = Plist::decode(as_bytes(xml));
  ASSERT_TRUE(plist);
  ASSERT_EQ(plist->damage().size(), 1u);
  EXPECT_NE(plist->damage()[0].reason.find("nested deeper than 64"), std::string::npos);
}

// pugixml builds the tree without recursion; our walk stops at the depth bound.
TEST(IosPlist, XmlHundredsOfThousandsDeepIsSurvived) {
  std::string xml = "<plist>";
  for (int i = 0; i < 200000; ++i) xml += "<array>";
  for (int i = 0; i < 200000; ++i) xml += "</array>";
  xml += "</plist>";
  auto plist = Plist::decode(as_bytes(xml));
  ASSERT_TRUE(plist);
  EXPECT_EQ(plist->damage().size(), 1u);
}

TEST(IosPlist, LooksLikePlistByItsOpening) {
  EXPECT_TRUE(looks_like_plist(as_bytes("bplist00xyz")));
  EXPECT_TRUE(looks_like_plist(as_bytes(kWechatXml)));
  EXPECT_TRUE(looks_like_plist(as_bytes("\xEF\xBB\xBF  <plist version=\"1.0\">")));
  EXPECT_FALSE(looks_like_plist(as_bytes("<?xml version=\"1.0\"?><project/>")));
  EXPECT_FALSE(looks_like_plist(as_bytes("")));
}

}  // namespace
}  // namespace interdict::testing
