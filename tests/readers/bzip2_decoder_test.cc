// Our bzip2 decoder against libbz2: byte-identical output on real files and on generated
// data of every shape (runs that exercise the run-length stage, every byte value, one and
// many blocks, concatenated streams), and through ByteSource, which decodes on every core.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "bzip2_helpers.h"
#include "readers/common/byte_source.h"
#include "readers/common/bzip2_block.h"
#include "readers/common/bzip2_stream.h"

namespace interdict {
namespace {

using bzip2_test::Bytes;
using bzip2_test::compress;
using bzip2_test::reference_decode;

// Compresses `plain` at `level` and checks that both libbz2 and our decoder give it back.
void expect_round_trip(const Bytes& plain, int level) {
  const Bytes packed = compress(plain, level);
  ASSERT_FALSE(packed.empty());
  const auto reference = reference_decode(packed);
  ASSERT_TRUE(reference.ok);
  ASSERT_EQ(reference.bytes, plain);
  const bzip2::FileOutput ours = bzip2::decode_file(packed);
  ASSERT_FALSE(ours.error) << ours.error->to_string();
  EXPECT_EQ(ours.bytes, plain);
}

Bytes repeated(std::uint8_t byte, std::size_t count) { return Bytes(count, byte); }

TEST(Bzip2Decoder, EmptyStream) {
  const Bytes packed = compress({}, 9);
  EXPECT_EQ(packed.size(), 14u);  // header, end magic, CRC: no block at all
  const auto ours = bzip2::decode_file(packed);
  EXPECT_FALSE(ours.error);
  EXPECT_TRUE(ours.bytes.empty());
}

TEST(Bzip2Decoder, OneByte) { expect_round_trip({'x'}, 9); }

TEST(Bzip2Decoder, RunsAroundTheRunLengthLimits) {
  for (std::size_t n : {1u, 2u, 3u, 4u, 5u, 6u, 255u, 256u, 258u, 259u, 260u, 263u, 264u, 1000u, 100000u}) {
    SCOPED_TRACE(n);
    expect_round_trip(repeated('a', n), 9);
    // The run between other bytes, so it neither starts nor ends the block.
    Bytes mixed{'<'};
    const Bytes run = repeated(0, n);
    mixed.insert(mixed.end(), run.begin(), run.end());
    mixed.push_back('>');
    expect_round_trip(mixed, 9);
  }
}

TEST(Bzip2Decoder, RunsOfEveryLengthBackToBack) {
  Bytes plain;
  for (std::size_t n = 1; n < 300; ++n) {
    const Bytes run = repeated(static_cast<std::uint8_t>(n % 3), n);
    plain.insert(plain.end(), run.begin(), run.end());
  }
  expect_round_trip(plain, 1);
}

TEST(Bzip2Decoder, AllByteValues) {
  Bytes plain;
  for (int round = 0; round < 40; ++round) {
    for (int b = 0; b < 256; ++b) plain.push_back(static_cast<std::uint8_t>(b * (round + 1)));
  }
  expect_round_trip(plain, 9);
}

TEST(Bzip2Decoder, RandomBytesInManyLevelOneBlocks) { expect_round_trip(bzip2_test::random_bytes(450000, 1), 1); }

TEST(Bzip2Decoder, SmallAlphabetRandomText) { expect_round_trip(bzip2_test::random_bytes(250000, 2, 3), 2); }

TEST(Bzip2Decoder, HighlyRepetitiveText) {
  Bytes plain;
  const std::string line = "TABLE_DUMP2|1400824800|B|203.62.252.186|1221|1.0.0.0/24|1221 4637 15169|IGP\n";
  while (plain.size() < 1500000) plain.insert(plain.end(), line.begin(), line.end());
  expect_round_trip(plain, 9);
}

TEST(Bzip2Decoder, SeveralLevelNineBlocks) {
  Bytes plain = bzip2_test::random_bytes(1200000, 3, 20);
  const Bytes tail = bzip2_test::random_bytes(900000, 4);
  plain.insert(plain.end(), tail.begin(), tail.end());
  expect_round_trip(plain, 9);
}

TEST(Bzip2Decoder, SmallBlocksTakeTheSingleChainWalk) {
  for (std::size_t n : {10u, 4095u, 4096u, 4097u, 9000u}) {
    SCOPED_TRACE(n);
    expect_round_trip(bzip2_test::random_bytes(n, static_cast<unsigned>(n), 7), 1);
  }
}

TEST(Bzip2Decoder, ConcatenatedStreamsWithZeroPadding) {
  const Bytes a = bzip2_test::random_bytes(150000, 5, 50);
  const Bytes b = repeated('z', 70000);
  Bytes packed = compress(a, 1);
  const Bytes second = compress(b, 9);
  packed.insert(packed.end(), 7, 0);
  packed.insert(packed.end(), second.begin(), second.end());
  packed.insert(packed.end(), 3, 0);
  const auto ours = bzip2::decode_file(packed);
  ASSERT_FALSE(ours.error) << ours.error->to_string();
  Bytes expected = a;
  expected.insert(expected.end(), b.begin(), b.end());
  EXPECT_EQ(ours.bytes, expected);
}

TEST(Bzip2Decoder, SharedRouteViewsSampleMatchesLibbz2UpToItsCut) {
  const std::filesystem::path path =
      std::filesystem::path(INTERDICT_SHARED_DATA) / "mrt/routeviews_rib.20140523.0600_firstMB.bz2";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path;
  const Bytes packed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto reference = reference_decode(packed);
  EXPECT_FALSE(reference.ok);  // the file is cut at 1 MB on purpose
  const auto ours = bzip2::decode_file(packed, "rib.bz2");
  ASSERT_TRUE(ours.error);
  EXPECT_NE(ours.error->message().find("truncated"), std::string::npos) << ours.error->to_string();
  EXPECT_GT(ours.bytes.size(), 10000000u);
  EXPECT_EQ(ours.bytes, reference.bytes);
}

TEST(Bzip2Decoder, ByteSourceDecodesBlocksInParallelLikeLibbz2) {
  const Bytes plain = bzip2_test::random_bytes(700000, 6, 40);
  const Bytes packed = compress(plain, 1);
  auto source = ByteSource::from_string(std::string_view(reinterpret_cast<const char*>(packed.data()), packed.size()));
  std::string got;
  char buffer[65536];
  for (;;) {
    auto n = source->read(buffer, sizeof buffer);
    ASSERT_TRUE(n) << n.error().to_string();
    if (*n == 0) break;
    got.append(buffer, *n);
  }
  EXPECT_EQ(got, std::string(plain.begin(), plain.end()));
}

TEST(Bzip2Decoder, CrcMatchesTheBitwiseDefinition) {
  const Bytes data = bzip2_test::random_bytes(1000, 7);
  for (std::size_t len : {0u, 1u, 7u, 8u, 9u, 1000u}) {
    std::uint32_t slow = 0xffffffff;
    for (std::size_t i = 0; i < len; ++i) {
      slow ^= std::uint32_t{data[i]} << 24;
      for (int k = 0; k < 8; ++k) slow = (slow & 0x80000000u) != 0 ? (slow << 1) ^ 0x04c11db7u : slow << 1;
    }
    EXPECT_EQ(bzip2::update_crc(0xffffffff, data.data(), len), slow) << len;
  }
}

}  // namespace
}  // namespace interdict
