// `interdict mrt dump` against bgpdump: its own golden files from its test suite, and
// Debian's bgpdump run on the same input in the same test.
#include <gtest/gtest.h>

#include <cstdio>

#include "cli/cli_helpers.h"
#include "readers/common/byte_source.h"
#include "readers/mrt_edge_cases.h"

namespace interdict::testing {
namespace {

const std::string kMrt = std::string(INTERDICT_SHARED_DATA) + "/mrt/";

// The whole decompressed content of a file.
std::string decompressed(const std::string& path) {
  auto source = ByteSource::open(path);
  EXPECT_TRUE(source.has_value()) << path;
  if (!source) return {};
  std::string out;
  char buf[1 << 16];
  for (;;) {
    auto n = (*source)->read(buf, sizeof buf);
    EXPECT_TRUE(n.has_value()) << n.error().to_string();
    if (!n || *n == 0) break;
    out.append(buf, *n);
  }
  return out;
}

// Debian's bgpdump on `path`; fails the test when it is not installed.
std::string debian_bgpdump(const std::string& path) {
  FILE* pipe = ::popen(("bgpdump -m " + shell_quote(path) + " 2>/dev/null").c_str(), "r");
  std::string out;
  char buf[1 << 16];
  std::size_t n;
  while (pipe != nullptr && (n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = pipe != nullptr ? ::pclose(pipe) : -1;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "bgpdump did not run; install Debian's bgpdump (apt-get install bgpdump)";
  return out;
}

// The first line where two outputs differ, for a readable failure.
std::string first_difference(const std::string& ours, const std::string& theirs) {
  const auto a = split_lines(ours);
  const auto b = split_lines(theirs);
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (a[i] != b[i]) return "line " + std::to_string(i + 1) + ":\n  ours:    " + a[i] + "\n  bgpdump: " + b[i];
  }
  return "ours has " + std::to_string(a.size()) + " lines, bgpdump " + std::to_string(b.size());
}

class GoldenTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenTest, OutputIsBgpdumpsExpectedOutput) {
  const std::string input = kMrt + GetParam();
  CommandResult r = run_interdict("mrt dump " + shell_quote(input));
  const std::string expected = decompressed(input + ".expected_bgpdump-vm.txt.gz");
  ASSERT_FALSE(expected.empty());
  EXPECT_TRUE(r.out == expected) << first_difference(r.out, expected);
}

// add-path RIBs (RFC 8050), a 36,950-byte RFC 8654 update withdrawing 4,096 prefixes, a
// full hour of RIS updates, and host bits set past a prefix's length.
INSTANTIATE_TEST_SUITE_P(Bgpdump, GoldenTest,
                         ::testing::Values("bgpdump_bview.ipv4_unicast_add_path.gz",
                                           "bgpdump_bview.ipv6_unicast_add_path.gz",
                                           "bgpdump_updates.long_withdrawal.gz", "bgpdump_updates.20160811.1600.gz",
                                           "bgpdump_updates.nlri_mask_trailing_bits.gz"));

class DebianBgpdumpTest : public ::testing::TestWithParam<const char*> {};

TEST_P(DebianBgpdumpTest, OutputIsDebianBgpdumps) {
  const std::string input = kMrt + GetParam();
  CommandResult r = run_interdict("mrt dump " + shell_quote(input));
  const std::string theirs = debian_bgpdump(input);
  ASSERT_FALSE(theirs.empty());
  EXPECT_TRUE(r.out == theirs) << first_difference(r.out, theirs);
}

// Quagga, OpenBGPD (with RIB_GENERIC VPN entries bgpdump skips) and BIRD RIBs, and the
// RouteViews RIB that is cut off mid-record.
INSTANTIATE_TEST_SUITE_P(Samples, DebianBgpdumpTest,
                         ::testing::Values("mrtparse_quagga_rib.mrt", "mrtparse_openbgpd_rib_table-v2.mrt",
                                           "mrtparse_bird6-mrtdump_rib.mrt",
                                           "routeviews_rib.20140523.0600_firstMB.bz2"));

// Debian's bgpdump 1.6.2 prints host bits past a prefix's length as they came; bgpdump's
// own golden files (and we) clear them. Compare after clearing them in its output.
std::string with_host_bits_cleared(const std::string& text) {
  std::string out;
  for (const std::string& line : split_lines(text)) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t bar; (bar = line.find('|', start)) != std::string::npos; start = bar + 1) {
      fields.push_back(line.substr(start, bar - start));
    }
    fields.push_back(line.substr(start));
    if (fields.size() > 5 && fields[5].find('.') != std::string::npos) {
      unsigned a, b, c, d, len;
      if (std::sscanf(fields[5].c_str(), "%u.%u.%u.%u/%u", &a, &b, &c, &d, &len) == 5) {
        std::uint32_t ip = a << 24 | b << 16 | c << 8 | d;
        ip &= len == 0 ? 0 : ~std::uint32_t{0} << (32 - len);
        fields[5] = std::to_string(ip >> 24) + "." + std::to_string(ip >> 16 & 255) + "." +
                    std::to_string(ip >> 8 & 255) + "." + std::to_string(ip & 255) + "/" + std::to_string(len);
      }
    }
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "|" : "") + fields[i];
    out += '\n';
  }
  return out;
}

TEST(MrtDump, BirdUpdatesMatchDebianBgpdumpUpToHostBits) {
  // BIRD wrote these with ADD-PATH negotiated but a subtype that does not say so, so both
  // tools read path ids as prefixes and skip the prefixes that then run out.
  const std::string input = kMrt + "mrtparse_bird_bgp.mrt";
  CommandResult r = run_interdict("mrt dump " + shell_quote(input));
  const std::string theirs = with_host_bits_cleared(debian_bgpdump(input));
  EXPECT_TRUE(r.out == theirs) << first_difference(r.out, theirs);
  EXPECT_EQ(r.exit_code, 2);  // the prefixes that run out are damage, reported
  EXPECT_NE(r.err.find("mrtparse_bird_bgp.mrt@390"), std::string::npos) << r.err;
}

TEST(MrtDump, EdgeCasesMatchDebianBgpdump) {
  TempDir dir;
  const std::string path = dir.write("edge.mrt", testing::mrt::as_string(testing::mrt::edge_case_file()));
  CommandResult r = run_interdict("mrt dump " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string theirs = debian_bgpdump(path);
  EXPECT_TRUE(r.out == theirs) << first_difference(r.out, theirs);
  // And what those lines say, so a change in both tools would not pass unseen.
  EXPECT_NE(r.out.find("|71.18.0.0/16|65001 396986 138699|IGP|"), std::string::npos);
  EXPECT_NE(r.out.find("|3356 174 {45090,132203}|"), std::string::npos);
  EXPECT_NE(r.out.find("|(65500 65501) [65502,65503] 6939 396986|"), std::string::npos);
  EXPECT_NE(r.out.find("|64512 138699|IGP|198.51.100.7|150|4000000000|no-export no-advertise local-AS 65535:666 "
                       "65001:100|AG|138699 10.0.0.1|"),
            std::string::npos);
  EXPECT_NE(r.out.find("|64512 23456|IGP|198.51.100.7|0|0||NAG|64999 10.0.0.2|"), std::string::npos);
  EXPECT_NE(r.out.find("|2404:9dc0::/32|6939 138699|IGP|2001:db8::1|"), std::string::npos);
  EXPECT_NE(r.out.find("BGP4MP_ET|1600000009.000123|A|"), std::string::npos);
  EXPECT_NE(r.out.find("BGP4MP_AP|1600000011|A|198.51.100.7|6939|71.18.0.0/16|5|"), std::string::npos);
}

TEST(MrtDump, TruncatedRibGivesEveryCompleteRecordThenAnError) {
  // The RouteViews sample is the first MiB of a bzip2 file: 9,073 whole records fit.
  CommandResult r = run_interdict("mrt dump " + shell_quote(kMrt + "routeviews_rib.20140523.0600_firstMB.bz2"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(split_lines(r.out).size(), 270005u);
  EXPECT_NE(r.err.find("truncated"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("9073 complete records"), std::string::npos) << r.err;
}

TEST(MrtDump, CutInsideARecordNamesItsOffset) {
  const auto file = testing::mrt::edge_case_file();
  TempDir dir;
  const std::string whole = dir.write("whole.mrt", testing::mrt::as_string(file));
  const std::string cut = dir.write("cut.mrt", testing::mrt::as_string(file).substr(0, 200));
  CommandResult all = run_interdict("mrt dump " + shell_quote(whole));
  CommandResult part = run_interdict("mrt dump " + shell_quote(cut));
  EXPECT_EQ(part.exit_code, 2);
  EXPECT_EQ(all.out.compare(0, part.out.size(), part.out), 0) << "a cut file prints a prefix of the whole";
  EXPECT_FALSE(part.out.empty());
  EXPECT_NE(part.err.find("cut.mrt@"), std::string::npos) << part.err;
  EXPECT_NE(part.err.find("truncated"), std::string::npos) << part.err;
}

TEST(MrtDump, DamagedRecordIsSkippedAndTheNextIsRead) {
  auto file = testing::mrt::edge_case_file();
  // The first record's attribute block claims more bytes than the message holds.
  const std::size_t attr_length_at = 12 + 16 + 16 + 2 + 1 + 2;
  file[attr_length_at] = 0x7f;
  TempDir dir;
  const std::string path = dir.write("damaged.mrt", testing::mrt::as_string(file));
  CommandResult r = run_interdict("mrt dump " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out.find("|65001 396986 138699|"), std::string::npos);
  EXPECT_NE(r.out.find("|3356 174 {45090,132203}|"), std::string::npos) << "the records after it are read";
  EXPECT_NE(r.err.find("damaged.mrt@0: record damaged"), std::string::npos) << r.err;
}

TEST(MrtDump, TextIsNotMrt) {
  CommandResult r = run_interdict("mrt dump " + shell_quote(source_path("README.md")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("README.md@0"), std::string::npos) << r.err;
}

TEST(MrtDump, MissingFileIsAnError) {
  CommandResult r = run_interdict("mrt dump /nonexistent/rib.mrt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/rib.mrt"), std::string::npos);
}

}  // namespace
}  // namespace interdict::testing
