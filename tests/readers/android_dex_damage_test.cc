// Damaged DEX files: each case breaks one thing and checks what is reported, where, and
// what is still read.
#include <gtest/gtest.h>

#include <algorithm>

#include "dex_builder.h"
#include "readers/android/android.h"
#include "readers/android_sink.h"

namespace interdict {
namespace {

using testing::android::CollectingSink;
using testing::dex::build_dex;
using testing::dex::Bytes;
using testing::dex::DexSpec;
using testing::dex::fix_checksum;
using testing::dex::put_u32_at;
using testing::dex::wechat_dex_spec;

std::span<const std::byte> span_of(const Bytes& b) { return {b.data(), b.size()}; }

TEST(Dex, ZeroLengthFileIsFatal) {
  CollectingSink sink;
  const DexSummary summary = decode_dex({}, "classes.dex", sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_TRUE(sink.damages[0].fatal);
  EXPECT_EQ(sink.damages[0].reason, "truncated header: 0 bytes, a dex header needs 112");
  EXPECT_TRUE(summary.fatal);
  EXPECT_TRUE(sink.items.empty());
}

TEST(Dex, TruncatedHeaderIsFatal) {
  Bytes dex = build_dex(wechat_dex_spec());
  dex.resize(100);
  CollectingSink sink;
  (void)decode_dex(span_of(dex), "classes.dex", sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_TRUE(sink.damages[0].fatal);
  EXPECT_TRUE(sink.damage_mentions("truncated header: 100 bytes"));
}

TEST(Dex, BadMagicIsFatal) {
  Bytes dex = build_dex(wechat_dex_spec());
  dex[0] = std::byte{'p'};
  CollectingSink sink;
  (void)decode_dex(span_of(dex), "classes.dex", sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].reason, "bad magic: not a dex file");
  EXPECT_FALSE(looks_like_dex(span_of(dex)));
}

TEST(Dex, UnknownVersionIsBadMagic) {
  DexSpec spec = wechat_dex_spec();
  spec.version = "099";
  CollectingSink sink;
  (void)decode_dex(span_of(build_dex(spec)), "classes.dex", sink);
  EXPECT_TRUE(sink.damage_mentions("bad magic"));
  EXPECT_TRUE(sink.items.empty());
}

TEST(Dex, ByteSwappedFileIsRefused) {
  Bytes dex = build_dex(wechat_dex_spec());
  put_u32_at(dex, 40, 0x78563412);
  CollectingSink sink;
  (void)decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_TRUE(sink.damage_mentions("reverse endian tag"));
  EXPECT_TRUE(sink.any_fatal());
}

TEST(Dex, BadChecksumIsReportedAndReadingContinues) {
  Bytes dex = build_dex(wechat_dex_spec());
  put_u32_at(dex, 8, 0xDEADBEEF);
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_FALSE(sink.damages[0].fatal);
  EXPECT_EQ(sink.damages[0].offset, 8u);
  EXPECT_TRUE(sink.damage_mentions("checksum 0xdeadbeef does not match"));
  EXPECT_EQ(summary.classes, 5u);
}

TEST(Dex, ChangedContentFailsTheChecksum) {
  Bytes dex = build_dex(wechat_dex_spec());
  dex[dex.size() - 20] ^= std::byte{1};
  CollectingSink sink;
  (void)decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_TRUE(sink.damage_mentions("checksum"));
}

TEST(Dex, StringIdsSizePastTheEndIsFatal) {
  Bytes dex = build_dex(wechat_dex_spec());
  put_u32_at(dex, 56, 0x10000000);
  fix_checksum(dex);
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_TRUE(sink.damages[0].fatal);
  EXPECT_TRUE(sink.damage_mentions("string_ids_size 268435456 at offset 112 past the end"));
  EXPECT_EQ(summary.classes, 0u);
}

TEST(Dex, TypeIdsOffsetOutsideTheFileIsFatal) {
  Bytes dex = build_dex(wechat_dex_spec());
  put_u32_at(dex, 68, 0xFFFFFFF0);
  fix_checksum(dex);
  CollectingSink sink;
  (void)decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_TRUE(sink.damage_mentions("type_ids_size"));
  EXPECT_TRUE(sink.any_fatal());
}

TEST(Dex, ClassDefTypeIndexOutOfRangeIsSkippedAndTheRestRead) {
  Bytes dex = build_dex(wechat_dex_spec());
  const std::uint32_t class_defs = testing::dex::get_u32_at(dex, 100);
  put_u32_at(dex, class_defs + 32, 9000);  // the second class_def
  fix_checksum(dex);
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_FALSE(sink.damages[0].fatal);
  EXPECT_EQ(sink.damages[0].offset, class_defs + 32);
  EXPECT_EQ(sink.damages[0].reason, "class_def 1: type index 9000 out of range (6 types)");
  EXPECT_EQ(summary.classes, 4u);
  const auto classes = sink.values(CodeKind::kClass);
  EXPECT_EQ(std::find(classes.begin(), classes.end(), "com.tencent.mm.opensdk.openapi.IWXAPI"), classes.end());
}

TEST(Dex, ClassDefsPastTheEndYieldTheClassesInsideThenFatal) {
  Bytes dex = build_dex(wechat_dex_spec());
  const std::uint32_t class_defs = testing::dex::get_u32_at(dex, 100);
  // Move the table so that only its first two entries lie inside the file.
  const std::uint32_t moved = static_cast<std::uint32_t>(dex.size()) - 2 * 32 - 8;
  for (int i = 0; i < 2 * 32; ++i) dex[moved + i] = dex[class_defs + i];
  put_u32_at(dex, 100, moved);
  fix_checksum(dex);
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_EQ(summary.classes, 2u);
  ASSERT_FALSE(sink.damages.empty());
  EXPECT_TRUE(sink.damages.back().fatal);
  EXPECT_TRUE(sink.damage_mentions("class_defs_size 5"));
  EXPECT_TRUE(sink.damage_mentions(": 2 read"));
}

TEST(Dex, StringDataOffsetOutsideTheFileSkipsThatClass) {
  Bytes dex = build_dex(wechat_dex_spec());
  // The string of the first class's type: class_defs[0].class_idx -> type_ids -> string_ids.
  const std::uint32_t type = testing::dex::get_u32_at(dex, testing::dex::get_u32_at(dex, 100));
  const std::uint32_t string = testing::dex::get_u32_at(dex, testing::dex::get_u32_at(dex, 68) + 4 * type);
  put_u32_at(dex, testing::dex::get_u32_at(dex, 60) + 4 * string, 0x7FFFFFFF);
  fix_checksum(dex);
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_EQ(summary.classes, 4u);
  EXPECT_TRUE(sink.damage_mentions("class_def 0: string data of string"));
  EXPECT_TRUE(sink.damage_mentions("outside the file"));
  EXPECT_FALSE(sink.any_fatal());
}

TEST(Dex, BadMutf8DescriptorIsSkipped) {
  DexSpec spec = wechat_dex_spec();
  spec.classes.push_back("Lcom/example/\xF0\x9F\x98\x80;");  // 4-byte UTF-8 is not MUTF-8
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(build_dex(spec)), "classes.dex", sink);
  EXPECT_EQ(summary.classes, 5u);
  EXPECT_TRUE(sink.damage_mentions("class_def 5: descriptor is not valid mutf-8"));
}

TEST(Dex, Mutf8SurrogatePairAndNulBecomeUtf8) {
  DexSpec spec;
  // U+1F600 as two 3-byte surrogates, then U+0000 as 0xC0 0x80, then U+00E9.
  spec.classes = {"Lcom/example/\xED\xA0\xBD\xED\xB8\x80\xC0\x80\xC3\xA9;"};
  CollectingSink sink;
  (void)decode_dex(span_of(build_dex(spec)), "classes.dex", sink);
  ASSERT_EQ(sink.items.size(), 1u);
  EXPECT_EQ(sink.items[0].value, std::string("com.example.\xF0\x9F\x98\x80\0\xC3\xA9", 19));
  EXPECT_TRUE(sink.damages.empty());
}

TEST(Dex, UnpairedSurrogateIsBadMutf8) {
  DexSpec spec;
  spec.classes = {"Lcom/\xED\xA0\xBDx;"};
  CollectingSink sink;
  (void)decode_dex(span_of(build_dex(spec)), "classes.dex", sink);
  EXPECT_TRUE(sink.items.empty());
  EXPECT_TRUE(sink.damage_mentions("not valid mutf-8"));
}

TEST(Dex, ArrayDescriptorInClassDefsIsNotAClass) {
  DexSpec spec;
  spec.classes = {"[Lcom/a/B;", "Lcom/a/C;"};
  CollectingSink sink;
  (void)decode_dex(span_of(build_dex(spec)), "classes.dex", sink);
  EXPECT_EQ(sink.values(CodeKind::kClass), std::vector<std::string>{"com.a.C"});
  EXPECT_TRUE(sink.damage_mentions("descriptor `[Lcom/a/B;` is not a class"));
}

TEST(Dex, FileSizePastTheEndIsReportedAndTheRestRead) {
  Bytes dex = build_dex(wechat_dex_spec());
  put_u32_at(dex, 32, static_cast<std::uint32_t>(dex.size() + 100));
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_TRUE(sink.damage_mentions("past the end"));
  EXPECT_TRUE(sink.damage_mentions("truncated file"));
  EXPECT_EQ(summary.classes, 5u);
}

TEST(Dex, TruncatedFileReadsWhatIsThere) {
  Bytes dex = build_dex(wechat_dex_spec());
  dex.resize(dex.size() / 2);
  CollectingSink sink;
  (void)decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_TRUE(sink.damage_mentions("truncated file"));
  EXPECT_FALSE(sink.damages.empty());
}

TEST(Dex, TrailingBytesAreReported) {
  Bytes dex = build_dex(wechat_dex_spec());
  dex.resize(dex.size() + 16);
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_TRUE(sink.damage_mentions("16 bytes after file_size"));
  EXPECT_EQ(summary.classes, 5u);
}

TEST(Dex, HeaderSizeBelow112IsFatal) {
  Bytes dex = build_dex(wechat_dex_spec());
  put_u32_at(dex, 36, 16);
  fix_checksum(dex);
  CollectingSink sink;
  (void)decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_TRUE(sink.damage_mentions("header_size 16 invalid"));
  EXPECT_TRUE(sink.any_fatal());
}

TEST(Dex, ManyDamagedClassDefsAreCappedWithACount) {
  DexSpec spec;
  for (int i = 0; i < 100; ++i) spec.classes.push_back("Lcom/a/C" + std::to_string(1000 + i) + ";");
  Bytes dex = build_dex(spec);
  const std::uint32_t class_defs = testing::dex::get_u32_at(dex, 100);
  for (int i = 0; i < 100; ++i) put_u32_at(dex, class_defs + 32 * i, 50000);
  fix_checksum(dex);
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_EQ(sink.damages.size(), 33u);
  EXPECT_EQ(sink.damages.back().reason, "68 more damaged records not listed");
  EXPECT_EQ(summary.damaged, 100u);
}

}  // namespace
}  // namespace interdict
