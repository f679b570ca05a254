#include "readers/zip/zip.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "readers/zip_builder.h"

namespace interdict {
namespace {

using testing::as_bytes;
using testing::ZipBuilder;

std::string text_of(std::span<const std::byte> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Zip, ReadsStoredAndDeflatedEntries) {
  ZipBuilder b;
  b.add("AndroidManifest.xml", "manifest bytes", {.deflate = false});
  b.add("classes.dex", std::string(100000, 'x'));
  const std::string zip = b.finish("a comment");
  auto archive = ZipArchive::open(as_bytes(zip), "app.apk");
  ASSERT_TRUE(archive) << archive.error().to_string();
  ASSERT_EQ(archive->entries().size(), 2u);
  EXPECT_TRUE(archive->damage().empty());
  std::vector<std::byte> scratch;
  auto stored = archive->read(archive->entries()[0], scratch);
  ASSERT_TRUE(stored);
  EXPECT_EQ(text_of(*stored), "manifest bytes");
  auto deflated = archive->read(archive->entries()[1], scratch);
  ASSERT_TRUE(deflated) << deflated.error().to_string();
  EXPECT_EQ(text_of(*deflated), std::string(100000, 'x'));
}

TEST(Zip, ReadsZip64ExtraFields) {
  ZipBuilder b;
  b.add("a.txt", "hello", {.zip64_extra = true});
  const std::string zip = b.finish();
  auto archive = ZipArchive::open(as_bytes(zip), "z.zip");
  ASSERT_TRUE(archive) << archive.error().to_string();
  ASSERT_EQ(archive->entries().size(), 1u);
  EXPECT_EQ(archive->entries()[0].size, 5u);
  std::vector<std::byte> scratch;
  auto data = archive->read(archive->entries()[0], scratch);
  ASSERT_TRUE(data) << data.error().to_string();
  EXPECT_EQ(text_of(*data), "hello");
}

TEST(Zip, MatchesUnzipOnTheRealApk) {
  const std::string path = std::string(INTERDICT_SHARED_DATA) + "/apk/androguard_TestActivity.apk";
  const std::string apk = slurp(path);
  ASSERT_FALSE(apk.empty());
  auto archive = ZipArchive::open(as_bytes(apk), path);
  ASSERT_TRUE(archive) << archive.error().to_string();
  std::string ours;
  std::vector<std::byte> scratch;
  for (const ZipEntry& e : archive->entries()) {
    auto data = archive->read(e, scratch);
    ASSERT_TRUE(data) << data.error().to_string();
    ours += std::string(e.name) + " " + std::to_string(data->size()) + "\n";
  }
  // unzip -Z1 lists names; unzip -p gives each entry's bytes: compare names and sizes.
  std::string theirs;
  FILE* list = popen(("unzip -Z1 '" + path + "'").c_str(), "r");
  ASSERT_NE(list, nullptr);
  char line[4096];
  while (fgets(line, sizeof line, list)) {
    std::string name(line);
    name.pop_back();
    FILE* data = popen(("unzip -p '" + path + "' '" + name + "' | wc -c").c_str(), "r");
    ASSERT_NE(data, nullptr);
    char count[64] = {};
    ASSERT_NE(fgets(count, sizeof count, data), nullptr);
    pclose(data);
    theirs += name + " " + std::to_string(std::stoull(count)) + "\n";
  }
  pclose(list);
  EXPECT_EQ(ours, theirs);
}

TEST(Zip, RefusesBytesWithoutAnEndRecord) {
  auto archive = ZipArchive::open(as_bytes("PK\x03\x04 not really"), "x.zip");
  ASSERT_FALSE(archive);
  EXPECT_EQ(archive.error().category(), ErrorCategory::kParse);
  EXPECT_NE(archive.error().to_string().find("x.zip"), std::string::npos);
}

TEST(Zip, RefusesEmptyInput) {
  auto archive = ZipArchive::open({}, "empty.zip");
  ASSERT_FALSE(archive);
  EXPECT_EQ(archive.error().category(), ErrorCategory::kParse);
}

TEST(Zip, TruncatedArchiveHasNoDirectory) {
  ZipBuilder b;
  b.add("a", "aaaa");
  std::string zip = b.finish();
  zip.resize(zip.size() - 10);
  EXPECT_FALSE(ZipArchive::open(as_bytes(zip), "t.zip"));
}

TEST(Zip, DirectoryOutsideTheFileIsAnError) {
  ZipBuilder b;
  b.add("a", "aaaa");
  std::string zip = b.finish();
  // The end record's directory offset (bytes 16..19 of the 22-byte record).
  zip[zip.size() - 22 + 16] = '\xff';
  zip[zip.size() - 22 + 17] = '\xff';
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_FALSE(archive);
  EXPECT_NE(archive.error().message().find("outside the file"), std::string::npos);
}

TEST(Zip, EntryCountBeyondTheDirectorySizeIsAnError) {
  ZipBuilder b;
  b.add("a", "aaaa");
  std::string zip = b.finish();
  zip[zip.size() - 22 + 10] = '\xff';  // entries total
  zip[zip.size() - 22 + 11] = '\x7f';
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_FALSE(archive);
  EXPECT_EQ(archive.error().category(), ErrorCategory::kParse);
}

TEST(Zip, TooManyEntriesIsACapacityError) {
  ZipBuilder b;
  for (int i = 0; i < 5; ++i) b.add("f" + std::to_string(i), "x");
  const std::string zip = b.finish();
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip", {.max_entries = 3});
  ASSERT_FALSE(archive);
  EXPECT_EQ(archive.error().category(), ErrorCategory::kCapacity);
}

TEST(Zip, BadCentralRecordKeepsTheEntriesBeforeIt) {
  ZipBuilder b;
  b.add("first", "1");
  b.add("second", "2");
  std::string zip = b.finish();
  const std::size_t second = zip.rfind("PK\x01\x02");
  zip[second + 2] = 'X';
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_TRUE(archive);
  ASSERT_EQ(archive->entries().size(), 1u);
  EXPECT_EQ(archive->entries()[0].name, "first");
  ASSERT_EQ(archive->damage().size(), 1u);
  EXPECT_EQ(archive->damage()[0].where().byte_offset, second);
}

TEST(Zip, CrcMismatchIsAParseError) {
  ZipBuilder b;
  b.add("a", "payload", {.crc_xor = 1});
  const std::string zip = b.finish();
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_TRUE(archive);
  std::vector<std::byte> scratch;
  auto data = archive->read(archive->entries()[0], scratch);
  ASSERT_FALSE(data);
  EXPECT_NE(data.error().message().find("CRC-32"), std::string::npos);
}

TEST(Zip, StreamLongerThanItsRecordedSizeStops) {
  ZipBuilder b;
  b.add("a", std::string(5000, 'a'), {.size_delta = -1000});
  const std::string zip = b.finish();
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_TRUE(archive);
  std::vector<std::byte> scratch;
  auto data = archive->read(archive->entries()[0], scratch);
  ASSERT_FALSE(data);
  EXPECT_NE(data.error().message().find("more than 4000"), std::string::npos);
  EXPECT_LE(scratch.size(), 4000u);
}

TEST(Zip, StreamShorterThanItsRecordedSizeIsAnError) {
  ZipBuilder b;
  b.add("a", std::string(5000, 'a'), {.size_delta = 1000});
  const std::string zip = b.finish();
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_TRUE(archive);
  std::vector<std::byte> scratch;
  EXPECT_FALSE(archive->read(archive->entries()[0], scratch));
}

TEST(Zip, CorruptDeflateStreamIsAParseError) {
  ZipBuilder b;
  b.add("a", std::string(5000, 'a'));
  std::string zip = b.finish();
  zip[30 + 1] = '\xff';  // the first byte of deflate data: an invalid block type
  zip[30 + 2] = '\xff';
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_TRUE(archive);
  std::vector<std::byte> scratch;
  auto data = archive->read(archive->entries()[0], scratch);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().category(), ErrorCategory::kParse);
}

TEST(Zip, HighRatioEntryIsRefusedBeforeInflating) {
  ZipBuilder b;
  b.add("bomb", std::string(8 << 20, '\0'));
  const std::string zip = b.finish();
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip", {.max_ratio = 100});
  ASSERT_TRUE(archive);
  std::vector<std::byte> scratch;
  auto data = archive->read(archive->entries()[0], scratch);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().category(), ErrorCategory::kCapacity);
  EXPECT_TRUE(scratch.empty());
}

TEST(Zip, OversizedEntryIsACapacityError) {
  ZipBuilder b;
  b.add("big", std::string(10000, 'b'));
  const std::string zip = b.finish();
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip", {.max_entry_size = 1000});
  ASSERT_TRUE(archive);
  std::vector<std::byte> scratch;
  auto data = archive->read(archive->entries()[0], scratch);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().category(), ErrorCategory::kCapacity);
}

TEST(Zip, OverlappingEntriesAreDropped) {
  ZipBuilder b;
  b.add("kernel", std::string(4000, 'k'));
  std::string zip = b.finish();
  // A second central record pointing at the same local header: the overlap of a zip bomb.
  const std::size_t directory = zip.find("PK\x01\x02");
  const std::string record = zip.substr(directory, 46 + 6);
  zip.insert(directory + record.size(), record);
  const std::size_t end = zip.size() - 22;
  zip[end + 8] = 2;
  zip[end + 10] = 2;
  zip[end + 12] = static_cast<char>(2 * record.size());
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_TRUE(archive) << archive.error().to_string();
  EXPECT_EQ(archive->entries().size(), 1u);
  ASSERT_EQ(archive->damage().size(), 1u);
  EXPECT_NE(archive->damage()[0].message().find("overlaps"), std::string::npos);
}

TEST(Zip, FlagsTraversalNames) {
  ZipBuilder b;
  b.add("../../etc/passwd", "x");
  b.add("/abs", "x");
  b.add("a\\b", "x");
  b.add("ok/..x/name", "x");
  b.add("C:/win", "x");
  const std::string zip = b.finish();
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_TRUE(archive);
  ASSERT_EQ(archive->entries().size(), 5u);
  EXPECT_TRUE(archive->entries()[0].unsafe_name);
  EXPECT_TRUE(archive->entries()[1].unsafe_name);
  EXPECT_TRUE(archive->entries()[2].unsafe_name);
  EXPECT_FALSE(archive->entries()[3].unsafe_name);
  EXPECT_TRUE(archive->entries()[4].unsafe_name);
}

TEST(Zip, EncryptedEntryIsListedButNotRead) {
  ZipBuilder b;
  b.add("secret", "x", {.flags = 1});
  const std::string zip = b.finish();
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_TRUE(archive);
  ASSERT_TRUE(archive->entries()[0].encrypted);
  std::vector<std::byte> scratch;
  auto data = archive->read(archive->entries()[0], scratch);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().category(), ErrorCategory::kInvalidArgument);
}

TEST(Zip, LocalHeaderOffsetPastTheEndIsAnError) {
  ZipBuilder b;
  b.add("a", "x");
  std::string zip = b.finish();
  const std::size_t directory = zip.find("PK\x01\x02");
  zip[directory + 42] = '\x70';  // local header offset
  auto archive = ZipArchive::open(as_bytes(zip), "t.zip");
  ASSERT_TRUE(archive);
  std::vector<std::byte> scratch;
  EXPECT_FALSE(archive->read(archive->entries()[0], scratch));
}

TEST(Zip, SniffsByMagic) {
  EXPECT_TRUE(looks_like_zip(as_bytes("PK\x03\x04rest")));
  EXPECT_TRUE(looks_like_zip(as_bytes(std::string_view("PK\x05\x06\0\0", 6))));
  EXPECT_FALSE(looks_like_zip(as_bytes("dex\n035")));
  EXPECT_FALSE(looks_like_zip(as_bytes("PK")));
}

}  // namespace
}  // namespace interdict
