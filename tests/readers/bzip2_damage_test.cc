// Damaged bzip2 input: every case gives the bytes of the blocks before the damage and a
// clear error with the compressed byte offset, never a crash, and agrees with libbz2 on
// whether the input is acceptable at all.
#include <gtest/gtest.h>

#include <random>

#include "bzip2_helpers.h"
#include "readers/common/byte_source.h"
#include "readers/common/bzip2_stream.h"

namespace interdict {
namespace {

using bzip2_test::Bytes;

Bytes text_sample(std::size_t size, unsigned seed) { return bzip2_test::random_bytes(size, seed, 30); }

std::string message_of(const bzip2::FileOutput& out) { return out.error ? out.error->message() : std::string(); }

TEST(Bzip2Damage, BadBlockCrcNamesTheBlockOffset) {
  Bytes packed = bzip2_test::compress(text_sample(5000, 1), 9);
  packed[10] ^= 0x01;  // inside the first block's CRC (bits 80..111)
  const auto out = bzip2::decode_file(packed, "x.bz2");
  ASSERT_TRUE(out.error);
  EXPECT_NE(message_of(out).find("CRC does not match"), std::string::npos) << message_of(out);
  EXPECT_EQ(out.error->where().byte_offset, 4u);
  EXPECT_EQ(out.error->where().file, "x.bz2");
  EXPECT_TRUE(out.bytes.empty());
}

TEST(Bzip2Damage, BadStreamCrcAfterGoodBlocks) {
  const Bytes plain = text_sample(250000, 2);
  Bytes packed = bzip2_test::compress(plain, 1);
  packed[packed.size() - 2] ^= 0x10;  // inside the stream CRC
  const auto out = bzip2::decode_file(packed);
  ASSERT_TRUE(out.error);
  EXPECT_NE(message_of(out).find("stream whose CRC"), std::string::npos) << message_of(out);
  EXPECT_EQ(out.bytes, plain);  // every block was good
}

TEST(Bzip2Damage, TruncatedAnywhereGivesAPrefixAndAnError) {
  const Bytes plain = text_sample(230000, 3);
  const Bytes packed = bzip2_test::compress(plain, 1);
  for (std::size_t cut = 1; cut < packed.size(); cut += 997) {
    SCOPED_TRACE(cut);
    const Bytes head(packed.begin(), packed.begin() + static_cast<std::ptrdiff_t>(cut));
    const auto out = bzip2::decode_file(head);
    ASSERT_TRUE(out.error);
    EXPECT_NE(message_of(out).find("truncated"), std::string::npos) << message_of(out);
    ASSERT_LE(out.bytes.size(), plain.size());
    EXPECT_TRUE(std::equal(out.bytes.begin(), out.bytes.end(), plain.begin()));
    EXPECT_EQ(out.bytes, bzip2_test::reference_decode(head).bytes);
  }
}

TEST(Bzip2Damage, SelectorPastTheTableCount) {
  Bytes packed = bzip2_test::compress(text_sample(5000, 4), 9);
  bzip2_test::put_bits(packed, bzip2_test::first_selector_bit(packed), 7, 0x7f);
  const auto out = bzip2::decode_file(packed);
  ASSERT_TRUE(out.error);
  EXPECT_NE(message_of(out).find("bad selector"), std::string::npos) << message_of(out);
  EXPECT_FALSE(bzip2_test::reference_decode(packed).ok);
}

TEST(Bzip2Damage, HuffmanCodeLengthOutOfRange) {
  Bytes packed = bzip2_test::compress(text_sample(5000, 5), 9);
  // Skip the selectors (unary, each ending in 0) to the first table's 5-bit start length.
  std::uint64_t bit = bzip2_test::first_selector_bit(packed);
  const std::uint64_t selectors = bzip2_test::get_bits(packed, bit - 15, 15);
  for (std::uint64_t i = 0; i < selectors; ++i) {
    while (bzip2_test::get_bits(packed, bit, 1) != 0) ++bit;
    ++bit;
  }
  bzip2_test::put_bits(packed, bit, 5, 0);
  const auto out = bzip2::decode_file(packed);
  ASSERT_TRUE(out.error);
  EXPECT_NE(message_of(out).find("Huffman code length"), std::string::npos) << message_of(out);
  EXPECT_FALSE(bzip2_test::reference_decode(packed).ok);
}

TEST(Bzip2Damage, OriginPointerPastTheBlock) {
  Bytes packed = bzip2_test::compress(text_sample(5000, 6), 9);
  bzip2_test::put_bits(packed, 32 + 81, 24, 0xffffff);
  const auto out = bzip2::decode_file(packed);
  ASSERT_TRUE(out.error);
  EXPECT_NE(message_of(out).find("origin pointer"), std::string::npos) << message_of(out);
  EXPECT_FALSE(bzip2_test::reference_decode(packed).ok);
}

TEST(Bzip2Damage, RandomisedBlockIsNamed) {
  Bytes packed = bzip2_test::compress(text_sample(5000, 7), 9);
  bzip2_test::put_bits(packed, 32 + 80, 1, 1);
  const auto out = bzip2::decode_file(packed);
  ASSERT_TRUE(out.error);
  EXPECT_NE(message_of(out).find("randomised"), std::string::npos) << message_of(out);
}

TEST(Bzip2Damage, GarbageAfterAStream) {
  Bytes packed = bzip2_test::compress(text_sample(100, 8), 9);
  const std::size_t end = packed.size();
  packed.push_back('Q');
  const auto out = bzip2::decode_file(packed);
  ASSERT_TRUE(out.error);
  EXPECT_NE(message_of(out).find("not another stream"), std::string::npos) << message_of(out);
  EXPECT_EQ(out.error->where().byte_offset, end);
}

// Every single-bit flip in the first few hundred bytes: libbz2 and ours agree on whether
// the input is good, and on the bytes when it is.
TEST(Bzip2Damage, BitFlipsAgreeWithLibbz2) {
  const Bytes packed = bzip2_test::compress(text_sample(20000, 9), 9);
  const std::size_t limit = std::min<std::size_t>(packed.size(), 400) * 8;
  for (std::size_t bit = 32; bit < limit; ++bit) {
    Bytes damaged = packed;
    damaged[bit / 8] ^= static_cast<std::uint8_t>(0x80 >> (bit % 8));
    const auto reference = bzip2_test::reference_decode(damaged);
    const auto ours = bzip2::decode_file(damaged);
    ASSERT_EQ(!ours.error, reference.ok) << "bit " << bit << ": " << message_of(ours);
    if (reference.ok) {
      EXPECT_EQ(ours.bytes, reference.bytes) << "bit " << bit;
    }
  }
}

TEST(Bzip2Damage, ByteSourceReportsABadStreamCrcAfterTheBytes) {
  const Bytes plain = text_sample(300000, 10);
  Bytes packed = bzip2_test::compress(plain, 1);
  packed[packed.size() - 3] ^= 0x04;
  auto source = ByteSource::from_string(std::string_view(reinterpret_cast<const char*>(packed.data()), packed.size()));
  std::string got;
  char buffer[65536];
  for (;;) {
    auto n = source->read(buffer, sizeof buffer);
    if (!n) {
      EXPECT_NE(n.error().message().find("corrupt"), std::string::npos) << n.error().to_string();
      break;
    }
    ASSERT_NE(*n, 0u) << "the damage went unnoticed";
    got.append(buffer, *n);
  }
  EXPECT_EQ(got, std::string(plain.begin(), plain.end()));
}

}  // namespace
}  // namespace interdict
