// The dnsmasq and hosts exports loaded into Debian's dnsmasq and queried with dig, as the
// unbound tests do with unbound. A second dnsmasq plays the internet: it has an address
// for every test name, and the one under test forwards to it, so a blocked name can only
// be blocked by the export and an answer from upstream proves the export left it alone.
// Both servers are ScratchDir-local processes killed when the test ends, failed or not.
#include <gtest/gtest.h>

#include <regex>

#include "export_helpers.h"
#include "tool_helpers.h"

namespace interdict {
namespace {

using namespace interdict::testing;
using namespace std::chrono_literals;

const ExportOptions kFixtureTime = as_of("2021-06-01T00:00:00Z");

// Names the fixture does not designate, or lets through inside a blocked suffix.
const std::vector<std::string> kAnswered = {
    "xtiktok.com",          "tiktok.com.example.net", "notweixin.qq.com",  "a.tiktokcdn.com.akamaized.net",
    "analytics.tiktok.com", "x.analytics.tiktok.com", "pay.weixin.qq.com", "other.example",
};
// The fixture's suffix rules (tiktok.com, weixin.qq.com) and names below them.
const std::vector<std::string> kSuffixBlocked = {"tiktok.com", "www.tiktok.com", "weixin.qq.com", "long.weixin.qq.com"};
const char* const kExact = "tiktokcdn.com.akamaized.net";

// The upstream's address for test name number `i`.
std::string upstream_address(std::size_t i) { return "192.0.2." + std::to_string(i + 1); }

std::vector<std::string> all_names() {
  std::vector<std::string> names = kAnswered;
  names.insert(names.end(), kSuffixBlocked.begin(), kSuffixBlocked.end());
  names.push_back(kExact);
  return names;
}

std::string upstream_of(const std::string& name) {
  const std::vector<std::string> names = all_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return upstream_address(i);
  }
  return "";
}

struct DigReply {
  std::string status;                  // "NOERROR", "NXDOMAIN", ...; "" when dig got no reply
  std::vector<std::string> addresses;  // of the A records in the answer
  std::string output;
};

// `dig @127.0.0.1 -p port name A`, read from dig's header and answer sections.
DigReply dig(const std::string& dig_path, int port, const std::string& name) {
  const ToolRun r = run(quote(dig_path) + " @127.0.0.1 -p " + std::to_string(port) +
                        " +tries=1 +time=2 +noall +comments +answer " + quote(name) + " A");
  DigReply reply;
  reply.output = r.output;
  std::smatch m;
  if (std::regex_search(r.output, m, std::regex("status: ([A-Z]+)"))) reply.status = m[1];
  const std::regex a_record("\\sIN\\s+A\\s+([0-9.]+)");
  for (auto it = std::sregex_iterator(r.output.begin(), r.output.end(), a_record); it != std::sregex_iterator(); ++it) {
    reply.addresses.push_back((*it)[1]);
  }
  return reply;
}

std::vector<std::string> dnsmasq_argv(const std::string& dnsmasq, const std::string& conf, int port) {
  return {dnsmasq,
          "--keep-in-foreground",
          "--conf-file=" + conf,
          "--no-resolv",
          "--no-hosts",
          "--listen-address=127.0.0.1",
          "--bind-interfaces",
          "--port=" + std::to_string(port),
          "--pid-file",
          "--log-facility=-"};
}

// Starts dnsmasq and waits until it answers `probe` with NOERROR; null (after failing the
// test) when it exits or stays silent.
std::unique_ptr<Process> start_dnsmasq(std::vector<std::string> argv, const std::string& log,
                                       const std::string& dig_path, int port, const std::string& probe) {
  auto server = std::make_unique<Process>(std::move(argv), log);
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!server->running()) {
      ADD_FAILURE() << "dnsmasq exited:\n" << server->log();
      return nullptr;
    }
    if (dig(dig_path, port, probe).status == "NOERROR") return server;
    std::this_thread::sleep_for(100ms);
  }
  ADD_FAILURE() << "dnsmasq does not answer on port " << port << ":\n" << server->log();
  return nullptr;
}

// The two servers: `upstream` answers every test name, `server` runs the export.
struct Servers {
  std::unique_ptr<Process> upstream;
  std::unique_ptr<Process> server;
  int port = 0;
};

// `extra` adds the export to the server's command line (--conf-file= or --addn-hosts=).
Servers start(const ScratchDir& dir, const std::string& dnsmasq, const std::string& dig_path, const std::string& conf,
              const std::vector<std::string>& extra) {
  Servers s;
  std::string records;
  const std::vector<std::string> names = all_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    records += "host-record=" + names[i] + "," + upstream_address(i) + "\n";
  const int up_port = free_port();
  const std::string up_conf = dir.write("upstream.conf", records);
  s.upstream =
      start_dnsmasq(dnsmasq_argv(dnsmasq, up_conf, up_port), dir.file("upstream.log"), dig_path, up_port, kAnswered[0]);
  if (!s.upstream) return s;
  s.port = free_port();
  std::vector<std::string> argv = dnsmasq_argv(dnsmasq, conf, s.port);
  argv.push_back("--server=127.0.0.1#" + std::to_string(up_port));
  argv.insert(argv.end(), extra.begin(), extra.end());
  s.server = start_dnsmasq(std::move(argv), dir.file("dnsmasq.log"), dig_path, s.port, kAnswered[0]);
  return s;
}

TEST(ExportToolDnsmasq, ConfigBlocksDesignatedNamesOnly) {
  auto dnsmasq = require_tool("dnsmasq", "dnsmasq-base");
  auto dig_path = require_tool("dig", "bind9-dnsutils");
  if (!dnsmasq || !dig_path) return;
  ScratchDir dir;
  auto out = exported(ExportFormat::kDnsmasq, fixture(), kFixtureTime);
  const std::string conf = dir.write("export.conf", out.text);
  // dnsmasq checks a configuration without starting.
  ToolRun check = run(quote(*dnsmasq) + " --test --conf-file=" + quote(conf));
  ASSERT_EQ(check.exit_code, 0) << check.output << "\n" << out.text;

  Servers s = start(dir, *dnsmasq, *dig_path, conf, {});
  if (!s.server) return;
  for (const std::string& name : kAnswered) {
    const DigReply r = dig(*dig_path, s.port, name);
    EXPECT_EQ(r.status, "NOERROR") << name << " must resolve\n" << r.output << s.server->log();
    EXPECT_EQ(r.addresses, std::vector<std::string>{upstream_of(name)}) << name << "\n" << r.output;
  }
  for (const std::string& name : kSuffixBlocked) {
    const DigReply r = dig(*dig_path, s.port, name);
    EXPECT_EQ(r.status, "NXDOMAIN") << name << " must be blocked\n" << r.output << "\n" << out.text;
  }
  // The exact rule: the name answers 0.0.0.0, the name below it (answered above) is untouched.
  const DigReply exact = dig(*dig_path, s.port, kExact);
  EXPECT_EQ(exact.status, "NOERROR") << exact.output;
  EXPECT_EQ(exact.addresses, std::vector<std::string>{"0.0.0.0"}) << exact.output;
}

TEST(ExportToolDnsmasq, HostsFileBlocksListedNamesOnly) {
  auto dnsmasq = require_tool("dnsmasq", "dnsmasq-base");
  auto dig_path = require_tool("dig", "bind9-dnsutils");
  if (!dnsmasq || !dig_path) return;
  ScratchDir dir;
  auto out = exported(ExportFormat::kHosts, fixture(), kFixtureTime);
  const std::string hosts = dir.write("export.hosts", out.text);
  const std::string empty = dir.write("empty.conf", "");
  Servers s = start(dir, *dnsmasq, *dig_path, empty, {"--addn-hosts=" + hosts});
  if (!s.server) return;
  // A hosts file names whole hosts: the suffix rules' own names and the exact name are
  // blocked, the names below them are not (docs/export.md says so; stderr counts them).
  for (const std::string& name : {std::string("tiktok.com"), std::string("weixin.qq.com"), std::string(kExact)}) {
    const DigReply r = dig(*dig_path, s.port, name);
    EXPECT_EQ(r.status, "NOERROR") << name << "\n" << r.output;
    EXPECT_EQ(r.addresses, std::vector<std::string>{"0.0.0.0"}) << name << "\n" << r.output << "\n" << out.text;
  }
  for (const std::string& name : {std::string("www.tiktok.com"), std::string("long.weixin.qq.com")}) {
    EXPECT_EQ(dig(*dig_path, s.port, name).addresses, std::vector<std::string>{upstream_of(name)}) << name;
  }
  for (const std::string& name : kAnswered) {
    const DigReply r = dig(*dig_path, s.port, name);
    EXPECT_EQ(r.status, "NOERROR") << name << "\n" << r.output;
    EXPECT_EQ(r.addresses, std::vector<std::string>{upstream_of(name)}) << name << "\n" << r.output;
  }
}

TEST(ExportToolDnsmasq, BundledConfigOn2026_02_01BlocksTikTok) {
  auto dnsmasq = require_tool("dnsmasq", "dnsmasq-base");
  auto dig_path = require_tool("dig", "bind9-dnsutils");
  if (!dnsmasq || !dig_path) return;
  ScratchDir dir;
  const std::string conf =
      dir.write("export.conf", exported(ExportFormat::kDnsmasq, bundled_corpus(), as_of("2026-02-01T00:00:00Z")).text);
  Servers s = start(dir, *dnsmasq, *dig_path, conf, {});
  if (!s.server) return;
  EXPECT_EQ(dig(*dig_path, s.port, "www.tiktok.com").status, "NXDOMAIN") << s.server->log();
  EXPECT_EQ(dig(*dig_path, s.port, "tiktokcdn.com.akamaized.net").addresses, std::vector<std::string>{"0.0.0.0"});
  EXPECT_EQ(dig(*dig_path, s.port, "xtiktok.com").addresses, std::vector<std::string>{upstream_of("xtiktok.com")});
}

TEST(ExportToolDnsmasq, EmptyExportsLoad) {
  auto dnsmasq = require_tool("dnsmasq", "dnsmasq-base");
  auto dig_path = require_tool("dig", "bind9-dnsutils");
  if (!dnsmasq || !dig_path) return;
  ScratchDir dir;
  const ExportOptions revoked = as_of("2024-01-01T00:00:00Z");
  const std::string conf = dir.write("export.conf", exported(ExportFormat::kDnsmasq, fixture(), revoked).text);
  const std::string hosts = dir.write("export.hosts", exported(ExportFormat::kHosts, fixture(), revoked).text);
  ToolRun check = run(quote(*dnsmasq) + " --test --conf-file=" + quote(conf));
  EXPECT_EQ(check.exit_code, 0) << check.output;
  Servers s = start(dir, *dnsmasq, *dig_path, conf, {"--addn-hosts=" + hosts});
  if (!s.server) return;
  EXPECT_EQ(dig(*dig_path, s.port, "www.tiktok.com").addresses,
            std::vector<std::string>{upstream_of("www.tiktok.com")});
}

}  // namespace
}  // namespace interdict
