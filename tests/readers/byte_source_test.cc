// ByteSource: compressed input read as if plain, whole streams concatenated, damage and
// truncation reported after the bytes before them. bzip2 is decoded a block per core.
#include "readers/common/byte_source.h"

#include <bzlib.h>
#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <random>

namespace interdict {
namespace {

// Text that compresses to many bzip2 blocks at level 1 (100 kB each).
std::string sample_text(std::size_t size, unsigned seed) {
  std::mt19937 rng(seed);
  static const char* words[] = {"TABLE_DUMP2", "396986", "138699", "6939", "|", "192.0.2.0/24", "IGP", "\n", "NAG"};
  std::string s;
  while (s.size() < size) {
    s += words[rng() % 9];
    s += static_cast<char>('a' + rng() % 26);
  }
  return s;
}

std::string bzip2(const std::string& in, int level) {
  std::string out(in.size() + in.size() / 50 + 1024, '\0');
  unsigned size = static_cast<unsigned>(out.size());
  EXPECT_EQ(BZ2_bzBuffToBuffCompress(out.data(), &size, const_cast<char*>(in.data()), static_cast<unsigned>(in.size()),
                                     level, 0, 0),
            BZ_OK);
  out.resize(size);
  return out;
}

std::string gzip(const std::string& in) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, in.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string zstd(const std::string& in) {
  std::string out(ZSTD_compressBound(in.size()), '\0');
  const std::size_t n = ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 3);
  out.resize(n);
  return out;
}

struct ReadAll {
  std::string bytes;
  std::optional<Error> error;
};

ReadAll read_all(const std::string& data) {
  auto source = ByteSource::from_string(data, "test.in");
  ReadAll r;
  char buf[7919];  // odd-sized reads cross every boundary
  for (;;) {
    auto n = source->read(buf, sizeof buf);
    if (!n) {
      r.error = n.error();
      break;
    }
    if (*n == 0) break;
    r.bytes.append(buf, *n);
  }
  return r;
}

TEST(ByteSource, PlainPassesThrough) {
  const std::string text = sample_text(100000, 1);
  auto r = read_all(text);
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.bytes, text);
}

TEST(ByteSource, EachCompressionIsRecognisedAndDecoded) {
  const std::string text = sample_text(300000, 2);
  for (const std::string& packed : {gzip(text), bzip2(text, 9), zstd(text)}) {
    auto r = read_all(packed);
    EXPECT_FALSE(r.error) << r.error->to_string();
    EXPECT_TRUE(r.bytes == text);
  }
  EXPECT_EQ(sniff_compression(gzip("x")), Compression::kGzip);
  EXPECT_EQ(sniff_compression(bzip2("x", 9)), Compression::kBzip2);
  EXPECT_EQ(sniff_compression(zstd("x")), Compression::kZstd);
  EXPECT_EQ(sniff_compression("BZh0"), Compression::kNone);
}

TEST(ByteSource, ManyBzip2BlocksComeBackInOrder) {
  // Level 1 makes a block per 100 kB: twenty blocks decoded across the cores.
  const std::string text = sample_text(2000000, 3);
  const std::string packed = bzip2(text, 1);
  auto r = read_all(packed);
  EXPECT_FALSE(r.error) << r.error->to_string();
  ASSERT_EQ(r.bytes.size(), text.size());
  EXPECT_TRUE(r.bytes == text);
}

TEST(ByteSource, ConcatenatedStreamsReadAsOne) {
  const std::string a = sample_text(250000, 4);
  const std::string b = sample_text(150000, 5);
  EXPECT_TRUE(read_all(bzip2(a, 1) + bzip2(b, 1)).bytes == a + b);
  EXPECT_TRUE(read_all(gzip(a) + gzip(b)).bytes == a + b);
  EXPECT_TRUE(read_all(zstd(a) + zstd(b)).bytes == a + b);
}

TEST(ByteSource, TruncatedBzip2GivesItsCompleteBlocksThenAnError) {
  const std::string text = sample_text(1000000, 6);
  const std::string packed = bzip2(text, 1);
  auto r = read_all(packed.substr(0, packed.size() / 2));
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->category(), ErrorCategory::kParse);
  EXPECT_NE(r.error->message().find("truncated"), std::string::npos) << r.error->message();
  EXPECT_EQ(r.error->where().file, "test.in");
  EXPECT_FALSE(r.bytes.empty());
  EXPECT_EQ(text.compare(0, r.bytes.size(), r.bytes), 0) << "what came out is the start of the text";
  // As much as libbz2 decoding the same bytes in one stream gives: the whole blocks.
  std::string sequential;
  bz_stream bz{};
  ASSERT_EQ(BZ2_bzDecompressInit(&bz, 0, 0), BZ_OK);
  std::string cut = packed.substr(0, packed.size() / 2);
  bz.next_in = cut.data();
  bz.avail_in = static_cast<unsigned>(cut.size());
  char buf[65536];
  for (;;) {
    bz.next_out = buf;
    bz.avail_out = sizeof buf;
    const int rc = BZ2_bzDecompress(&bz);
    sequential.append(buf, sizeof buf - bz.avail_out);
    if (rc != BZ_OK || (bz.avail_in == 0 && bz.avail_out == sizeof buf)) break;
  }
  BZ2_bzDecompressEnd(&bz);
  EXPECT_EQ(r.bytes.size(), sequential.size());
}

TEST(ByteSource, TruncatedGzipAndZstdAreErrors) {
  const std::string text = sample_text(200000, 7);
  for (const std::string& packed : {gzip(text), zstd(text)}) {
    auto r = read_all(packed.substr(0, packed.size() - 10));
    ASSERT_TRUE(r.error.has_value());
    EXPECT_NE(r.error->message().find("truncated"), std::string::npos) << r.error->message();
    EXPECT_EQ(text.compare(0, r.bytes.size(), r.bytes), 0);
  }
}

TEST(ByteSource, CorruptBzip2BlockIsAnErrorWithItsOffset) {
  const std::string text = sample_text(500000, 8);
  std::string packed = bzip2(text, 1);
  packed[packed.size() / 2] = static_cast<char>(packed[packed.size() / 2] ^ 0x55);
  auto r = read_all(packed);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->category(), ErrorCategory::kParse);
  EXPECT_TRUE(r.error->where().byte_offset.has_value());
  EXPECT_LT(*r.error->where().byte_offset, packed.size());
  EXPECT_LT(r.bytes.size(), text.size());
}

TEST(ByteSource, GarbageAfterAStreamIsAnError) {
  const std::string text = sample_text(1000, 9);
  auto r = read_all(gzip(text) + "not gzip");
  EXPECT_EQ(r.bytes, text);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_NE(r.error->message().find("not another stream"), std::string::npos);
}

TEST(ByteSource, PeekDoesNotConsume) {
  const std::string text = sample_text(5000, 10);
  auto source = ByteSource::from_string(bzip2(text, 9));
  auto head = source->peek(12);
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(*head, text.substr(0, 12));
  std::string all;
  char buf[1000];
  for (auto n = source->read(buf, sizeof buf); n && *n > 0; n = source->read(buf, sizeof buf)) all.append(buf, *n);
  EXPECT_EQ(all, text);
}

}  // namespace
}  // namespace interdict
