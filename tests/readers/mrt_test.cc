// The MRT reader and decoder: framing, the RFC 6793 merge, origins, and address text.
#include "readers/mrt/mrt.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <random>

#include "readers/mrt/bgpdump.h"
#include "readers/mrt_edge_cases.h"

namespace interdict::mrt {
namespace {

using testing::mrt::as_string;
using testing::mrt::edge_case_file;

struct Seen {
  EventKind kind;
  std::string prefix;
  std::string path;
  std::optional<std::uint32_t> origin;
  std::uint32_t peer_as;
};

std::vector<Seen> decode_all(const std::string& bytes, std::vector<std::string>* damage = nullptr,
                             std::optional<Error>* error = nullptr) {
  auto reader = MrtReader::from_source(ByteSource::from_string(bytes, "test.mrt"));
  MrtDecoder decoder;
  std::vector<Seen> seen;
  RecordHeader header;
  std::span<const std::uint8_t> body;
  while (reader->next(header, body)) {
    auto d = decoder.decode(header, body, [&](const RouteEvent& e) {
      Seen s{e.kind, {}, {}, std::nullopt, e.peer_as};
      if (e.kind != EventKind::kStateChange) append_prefix(e.prefix, s.prefix);
      if (e.attributes != nullptr && e.kind != EventKind::kWithdraw) {
        append_as_path(e.attributes->as_path, s.path);
        s.origin = e.attributes->as_path.origin();
      }
      seen.push_back(s);
    });
    if (d && damage != nullptr) damage->push_back(*d);
  }
  if (error != nullptr) *error = reader->error();
  return seen;
}

TEST(MrtDecoder, As4PathRestoresTheAsnsBehindAsTrans) {
  auto seen = decode_all(as_string(edge_case_file()));
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen[0].prefix, "71.18.0.0/16");
  EXPECT_EQ(seen[0].path, "65001 396986 138699");
  EXPECT_EQ(seen[0].origin, 138699u);
}

TEST(MrtDecoder, OriginIsTheLastAsOfATrailingSequenceOnly) {
  auto seen = decode_all(as_string(edge_case_file()));
  ASSERT_GE(seen.size(), 3u);
  EXPECT_EQ(seen[1].path, "3356 174 {45090,132203}");
  EXPECT_EQ(seen[1].origin, std::nullopt) << "a path ending in a set has no single origin";
  EXPECT_EQ(seen[2].origin, 396986u);
}

TEST(MrtDecoder, StaleAs4PathIsIgnored) {
  auto seen = decode_all(as_string(edge_case_file()));
  ASSERT_GE(seen.size(), 6u);
  EXPECT_EQ(seen[3].path, "64512 138699") << "AGGREGATOR is AS_TRANS: AS4_PATH applies";
  EXPECT_EQ(seen[4].path, "64512 23456") << "AGGREGATOR is not AS_TRANS: AS4_PATH is stale";
  EXPECT_EQ(seen[5].path, "64512") << "AS4_PATH longer than AS_PATH is ignored";
}

TEST(MrtDecoder, WithdrawalsComeBeforeAnnouncementsIpv4BeforeIpv6) {
  auto seen = decode_all(as_string(edge_case_file()));
  ASSERT_GE(seen.size(), 9u);
  EXPECT_EQ(seen[6].kind, EventKind::kWithdraw);
  EXPECT_EQ(seen[6].prefix, "192.0.2.0/24");
  EXPECT_EQ(seen[7].kind, EventKind::kWithdraw);
  EXPECT_EQ(seen[7].prefix, "2001:db8:10::/48");
  EXPECT_EQ(seen[8].kind, EventKind::kAnnounce);
  EXPECT_EQ(seen[8].prefix, "2404:9dc0::/32");
  EXPECT_EQ(seen[8].origin, 138699u);
}

TEST(MrtDecoder, RibEntriesTakeTheirPeerFromTheIndexTable) {
  auto seen = decode_all(as_string(edge_case_file()));
  std::vector<Seen> rib;
  for (const Seen& s : seen) {
    if (s.kind == EventKind::kRib) rib.push_back(s);
  }
  ASSERT_EQ(rib.size(), 2u);
  EXPECT_EQ(rib[0].peer_as, 6939u);
  EXPECT_EQ(rib[1].peer_as, 396986u);
  EXPECT_EQ(rib[1].origin, 396986u);
}

TEST(MrtDecoder, RibEntryNamingAMissingPeerIsDamage) {
  std::string bytes = as_string(testing::mrt::rib_v4(0, testing::mrt::prefix({10, 0, 0, 0}, 8), {{3, {}}}));
  std::vector<std::string> damage;
  auto seen = decode_all(bytes, &damage);
  EXPECT_TRUE(seen.empty());
  ASSERT_EQ(damage.size(), 1u);
  EXPECT_NE(damage[0].find("peer 3"), std::string::npos) << damage[0];
}

TEST(MrtReader, TruncatedRecordEndsWithAnErrorAtItsOffset) {
  const std::string whole = as_string(edge_case_file());
  std::optional<Error> error;
  auto seen = decode_all(whole.substr(0, whole.size() - 3), nullptr, &error);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->category(), ErrorCategory::kParse);
  EXPECT_TRUE(error->where().byte_offset.has_value());
  EXPECT_NE(error->message().find("truncated"), std::string::npos);
  // Only the cut record, an ADD-PATH withdrawal and announcement, is lost.
  EXPECT_EQ(seen.size(), decode_all(whole).size() - 2);
}

TEST(MrtReader, ImpossibleLengthIsAnError) {
  std::optional<Error> error;
  auto seen = decode_all(std::string("\x00\x00\x00\x00\x00\x10\x00\x01\xff\xff\xff\xff", 12), nullptr, &error);
  EXPECT_TRUE(seen.empty());
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().byte_offset, std::optional<std::uint64_t>(0));
}

TEST(MrtReader, PrefixHostBitsAreCleared) {
  Prefix p;
  const std::uint8_t bytes[] = {13, 11, 13};
  std::size_t pos = 0;
  ASSERT_TRUE(read_prefix(bytes, pos, 32, false, p));
  std::string text;
  append_prefix(p, text);
  EXPECT_EQ(text, "11.8.0.0/13");
  EXPECT_EQ(pos, 3u);
  const std::uint8_t too_long[] = {33, 1, 2, 3, 4, 5};
  pos = 0;
  EXPECT_FALSE(read_prefix(too_long, pos, 32, false, p));
}

// bgpdump prints IPv6 with inet_ntop; so must we, for every shape of address.
TEST(AddressText, Ipv6IsWhatInetNtopWrites) {
  std::mt19937 rng(42);
  std::vector<std::array<std::uint8_t, 16>> cases;
  for (int i = 0; i < 20000; ++i) {
    std::array<std::uint8_t, 16> b{};
    for (int w = 0; w < 8; ++w) {
      // Mostly zero words, so runs of every length and position occur.
      const std::uint16_t v = (rng() % 3 == 0) ? static_cast<std::uint16_t>(rng()) : 0;
      b[2 * w] = static_cast<std::uint8_t>(v >> 8);
      b[2 * w + 1] = static_cast<std::uint8_t>(v);
    }
    cases.push_back(b);
  }
  std::array<std::uint8_t, 16> mapped{};
  mapped[10] = mapped[11] = 0xff;
  mapped[12] = 192;
  mapped[15] = 1;
  cases.push_back(mapped);
  cases.push_back({});
  for (const auto& b : cases) {
    char expected[INET6_ADDRSTRLEN];
    ASSERT_NE(inet_ntop(AF_INET6, b.data(), expected, sizeof expected), nullptr);
    Address a;
    a.v6 = true;
    a.bytes = b;
    std::string ours;
    append_address(a, ours);
    ASSERT_EQ(ours, expected);
  }
}

TEST(AddressText, Ipv4IsDottedQuad) {
  Address a;
  a.bytes = {255, 0, 10, 1};
  std::string text;
  append_address(a, text);
  EXPECT_EQ(text, "255.0.10.1");
}

}  // namespace
}  // namespace interdict::mrt
