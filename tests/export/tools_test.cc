// The exports loaded into the real tools: unbound answers queries through the RPZ and through
// the local zones, BIRD parses the filter and runs it over routes, FRR reads the lists. A
// missing tool fails the test with the package to install (scripts/setup.sh installs them).
#include <gtest/gtest.h>

#include "export_helpers.h"
#include "tool_helpers.h"

namespace interdict {
namespace {

using namespace interdict::testing;
using namespace std::chrono_literals;

const ExportOptions kFixtureTime = as_of("2021-06-01T00:00:00Z");

// ---- unbound ----

// Every test name has an A record in an authoritative zone that unbound uses in place of
// the internet (auth-zone, for-upstream), so a policy must override a real answer: NXDOMAIN
// can only come from the export, and an answer proves the export left the name alone.
const std::vector<std::string> kAnswered = {
    "xtiktok.com",          "tiktok.com.example.net", "notweixin.qq.com",  "a.tiktokcdn.com.akamaized.net",
    "analytics.tiktok.com", "x.analytics.tiktok.com", "pay.weixin.qq.com", "other.example",
};
const std::vector<std::string> kNxdomain = {"tiktok.com", "www.tiktok.com", "weixin.qq.com", "long.weixin.qq.com"};
const char* const kExact = "tiktokcdn.com.akamaized.net";

// The zone of top-level domain `tld` with an A record for each test name under it.
std::string zone_text(const std::string& tld) {
  std::string zone = "$ORIGIN " + tld + ".\n$TTL 60\n@ SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 60\n";
  zone += "@ NS ns.invalid.\n";
  std::vector<std::string> names = kAnswered;
  names.insert(names.end(), kNxdomain.begin(), kNxdomain.end());
  names.push_back(kExact);
  int n = 0;
  for (const std::string& name : names) {
    ++n;
    if (!name.ends_with("." + tld)) continue;
    zone += name + ". A 192.0.2." + std::to_string(n) + "\n";
  }
  return zone;
}

std::string unbound_config(const ScratchDir& dir, int port, bool rpz) {
  std::string conf = "server:\n";
  conf += "    interface: 127.0.0.1\n    port: " + std::to_string(port) + "\n";
  conf += "    do-ip6: no\n    do-daemonize: no\n    use-syslog: no\n    logfile: \"\"\n    verbosity: 1\n";
  conf += "    chroot: \"\"\n    username: \"\"\n    num-threads: 1\n";
  conf += "    directory: \"" + dir.path() + "\"\n    pidfile: \"" + dir.file("unbound.pid") + "\"\n";
  conf += rpz ? "    module-config: \"respip validator iterator\"\n" : "    module-config: \"iterator\"\n";
  conf += "remote-control:\n    control-enable: no\n";
  for (const char* tld : {"com", "net", "example"}) {
    const std::string file = dir.write(std::string(tld) + ".zone", zone_text(tld));
    conf += "auth-zone:\n    name: \"" + std::string(tld) + ".\"\n    zonefile: \"" + file + "\"\n";
    conf += "    for-upstream: yes\n    for-downstream: no\n    fallback-enabled: no\n";
  }
  if (rpz) {
    conf += "rpz:\n    name: \"rpz.interdict.test.\"\n    zonefile: \"" + dir.file("export.rpz") + "\"\n";
  } else {
    conf += "include: \"" + dir.file("export.conf") + "\"\n";
  }
  return conf;
}

// Starts unbound on `conf` and waits until it answers; null (after failing the test) if not.
std::unique_ptr<Process> start_unbound(const std::string& unbound, const ScratchDir& dir, const std::string& conf,
                                       int port) {
  auto server = std::make_unique<Process>(std::vector<std::string>{unbound, "-d", "-c", conf}, dir.file("unbound.log"));
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!server->running()) {
      ADD_FAILURE() << "unbound exited:\n" << server->log();
      return nullptr;
    }
    if (dns_query(port, kAnswered[0], kTypeA, 200ms).rcode == 0) return server;
  }
  ADD_FAILURE() << "unbound does not answer on port " << port << ":\n" << server->log();
  return nullptr;
}

void expect_unbound_blocks(bool rpz) {
  auto unbound = require_tool("unbound", "unbound");
  auto checkconf = require_tool("unbound-checkconf", "unbound");
  if (!unbound || !checkconf) return;
  ScratchDir dir;
  const int port = free_port();
  auto out = exported(rpz ? ExportFormat::kRpz : ExportFormat::kUnbound, fixture(), kFixtureTime);
  dir.write(rpz ? "export.rpz" : "export.conf", out.text);
  const std::string conf = dir.write("unbound.conf", unbound_config(dir, port, rpz));
  if (!rpz) {
    // The export alone is a complete unbound.conf.
    ToolRun alone = run(quote(*checkconf) + " " + quote(dir.file("export.conf")));
    EXPECT_EQ(alone.exit_code, 0) << alone.output << "\n" << out.text;
  }
  ToolRun check = run(quote(*checkconf) + " " + quote(conf));
  ASSERT_EQ(check.exit_code, 0) << check.output;

  auto server = start_unbound(*unbound, dir, conf, port);
  if (!server) return;
  for (const std::string& name : kAnswered) {
    DnsReply r = dns_query(port, name, kTypeA);
    EXPECT_EQ(r.rcode, 0) << name << " must resolve\n" << server->log();
    EXPECT_EQ(r.answers, 1) << name;
  }
  for (const std::string& name : kNxdomain) {
    EXPECT_EQ(dns_query(port, name, kTypeA).rcode, 3) << name << " must be NXDOMAIN\n" << server->log();
  }
  // The exact rule: the name itself is blocked, the name below it (answered above) is not.
  DnsReply exact = dns_query(port, kExact, kTypeA);
  if (rpz) {
    EXPECT_EQ(exact.rcode, 3) << server->log();
  } else {
    // A local zone cannot answer NXDOMAIN for one name only: NODATA, and the TXT says why.
    EXPECT_EQ(exact.rcode, 0);
    EXPECT_EQ(exact.answers, 0);
    DnsReply why = dns_query(port, kExact, kTypeTxt);
    EXPECT_EQ(why.rcode, 0);
    EXPECT_EQ(why.answers, 1);
  }
}

TEST(ExportToolUnbound, RpzBlocksDesignatedNamesOnly) { expect_unbound_blocks(true); }

TEST(ExportToolUnbound, LocalZonesBlockDesignatedNamesOnly) { expect_unbound_blocks(false); }

TEST(ExportToolUnbound, BundledRpzOn2026_02_01BlocksTikTok) {
  auto unbound = require_tool("unbound", "unbound");
  if (!unbound) return;
  ScratchDir dir;
  const int port = free_port();
  dir.write("export.rpz", exported(ExportFormat::kRpz, bundled_corpus(), as_of("2026-02-01T00:00:00Z")).text);
  const std::string conf = dir.write("unbound.conf", unbound_config(dir, port, true));
  auto server = start_unbound(*unbound, dir, conf, port);
  if (!server) return;
  EXPECT_EQ(dns_query(port, "www.tiktok.com", kTypeA).rcode, 3) << server->log();
  EXPECT_EQ(dns_query(port, "tiktokcdn.com.akamaized.net", kTypeA).rcode, 3);
  EXPECT_EQ(dns_query(port, "x.analytics.tiktok.com", kTypeA).rcode, 0);
  EXPECT_EQ(dns_query(port, "xtiktok.com", kTypeA).rcode, 0);
}

TEST(ExportToolUnbound, EmptyExportsLoad) {
  auto checkconf = require_tool("unbound-checkconf", "unbound");
  auto unbound = require_tool("unbound", "unbound");
  if (!checkconf || !unbound) return;
  ScratchDir dir;
  const ExportOptions revoked = as_of("2024-01-01T00:00:00Z");
  dir.write("export.conf", exported(ExportFormat::kUnbound, fixture(), revoked).text);
  dir.write("export.rpz", exported(ExportFormat::kRpz, fixture(), revoked).text);
  ToolRun alone = run(quote(*checkconf) + " " + quote(dir.file("export.conf")));
  EXPECT_EQ(alone.exit_code, 0) << alone.output;
  const int port = free_port();
  const std::string conf = dir.write("unbound.conf", unbound_config(dir, port, true));
  auto server = start_unbound(*unbound, dir, conf, port);
  if (!server) return;
  EXPECT_EQ(dns_query(port, "xtiktok.com", kTypeA).rcode, 0);
}

// ---- BIRD ----

std::string bird_main(const std::string& include, std::string_view extra = {}) {
  return "router id 192.0.2.1;\nprotocol device {}\ninclude \"" + include + "\";\n" + std::string(extra);
}

TEST(ExportToolBird, ExportParsesAndABrokenOneDoesNot) {
  auto bird = require_tool("bird", "bird2");
  if (!bird) return;
  ScratchDir dir;
  for (const char* when : {"2021-06-01T00:00:00Z", "2024-01-01T00:00:00Z"}) {  // full, then empty
    const std::string text = exported(ExportFormat::kBird, fixture(), as_of(when)).text;
    dir.write("export.conf", text);
    const std::string conf = dir.write("bird.conf", bird_main(dir.file("export.conf")));
    ToolRun ok = run(quote(*bird) + " -p -c " + quote(conf));
    EXPECT_EQ(ok.exit_code, 0) << when << "\n" << ok.output << "\n" << text;
  }
  // The same check must catch a defect in the file.
  std::string broken = exported(ExportFormat::kBird, fixture(), kFixtureTime).text;
  broken.replace(broken.find("192.0.2.0/24+"), 13, "192.0.2.0/33+");
  dir.write("export.conf", broken);
  const std::string conf = dir.write("bird.conf", bird_main(dir.file("export.conf")));
  ToolRun bad = run(quote(*bird) + " -p -c " + quote(conf));
  EXPECT_NE(bad.exit_code, 0) << bad.output;
  EXPECT_NE(bad.output.find("export.conf"), std::string::npos) << bad.output;
}

// Runs BIRD over static routes carrying AS paths and asks which ones interdict_designated()
// picks: prefixes and their more specifics, ASNs anywhere in the path, nothing else.
TEST(ExportToolBird, FilterPicksDesignatedRoutes) {
  auto bird = require_tool("bird", "bird2");
  auto birdc = require_tool("birdc", "bird2");
  if (!bird || !birdc) return;
  ScratchDir dir;
  std::vector<ObservedRoute> observed = {{396986, *parse_prefix("203.0.113.0/25")}};
  auto sel = select_routes(fixture(), kFixtureTime, observed);
  ASSERT_TRUE(sel.has_value());
  std::vector<std::string> notes;
  dir.write("export.conf", render_bird(*sel, notes));
  auto routes = [](const char* name, std::initializer_list<int> path, std::initializer_list<const char*> nets,
                   bool v6 = false) {
    std::string s = "protocol static " + std::string(name) + " {\n  " + (v6 ? "ipv6" : "ipv4") + " { import filter { ";
    for (int asn : path) s += "bgp_path.prepend(" + std::to_string(asn) + "); ";
    s += "accept; }; };\n";
    for (const char* net : nets) s += "  route " + std::string(net) + " blackhole;\n";
    return s + "}\n";
  };
  std::string extra;
  extra += routes("listed", {64496}, {"192.0.2.0/24", "192.0.2.77/32", "198.51.100.0/25", "203.0.113.64/26"});
  extra += routes("clean", {64496}, {"192.0.3.0/24", "198.51.101.0/24", "203.0.113.128/25"});
  extra += routes("via_designated", {64496, 396986, 64497}, {"100.64.1.0/24"});
  extra += routes("lookalike_asn", {64496, 3969860}, {"100.64.2.0/24"});
  extra += routes("no_path", {}, {"100.64.3.0/24"});
  extra += routes("listed6", {64496}, {"2001:db8:1::/48"}, true);
  extra += routes("clean6", {64496}, {"2001:db9::/32"}, true);
  const std::string conf = dir.write("bird.conf", bird_main(dir.file("export.conf"), extra));
  const std::string socket = dir.file("bird.ctl");
  Process server({*bird, "-f", "-c", conf, "-s", socket, "-P", dir.file("bird.pid")}, dir.file("bird.log"));
  ToolRun shown;
  for (int i = 0; i < 50; ++i) {
    std::this_thread::sleep_for(100ms);
    shown = run(quote(*birdc) + " -s " + quote(socket) + " show route where 'interdict_designated()'");
    if (shown.exit_code == 0 && shown.output.find("Table master6") != std::string::npos) break;
  }
  ASSERT_TRUE(server.running()) << server.log();
  for (const char* net :
       {"192.0.2.0/24", "192.0.2.77/32", "198.51.100.0/25", "203.0.113.64/26", "100.64.1.0/24", "2001:db8:1::/48"}) {
    EXPECT_NE(shown.output.find(std::string(net) + " "), std::string::npos) << net << " not picked:\n" << shown.output;
  }
  for (const char* net :
       {"192.0.3.0/24", "198.51.101.0/24", "203.0.113.128/25", "100.64.2.0/24", "100.64.3.0/24", "2001:db9::/32"}) {
    EXPECT_EQ(shown.output.find(std::string(net) + " "), std::string::npos) << net << " picked:\n" << shown.output;
  }
}

// ---- FRR ----

TEST(ExportToolFrr, VtyshDryRunAcceptsTheExportAndRejectsABrokenLine) {
  auto vtysh = require_tool("vtysh", "frr");
  if (!vtysh) return;
  ScratchDir dir;
  for (const char* when : {"2021-06-01T00:00:00Z", "2024-01-01T00:00:00Z"}) {
    const std::string text = exported(ExportFormat::kFrr, fixture(), as_of(when)).text;
    const std::string file = dir.write("export.conf", text);
    ToolRun ok = run(quote(*vtysh) + " --dryrun -f " + quote(file));
    EXPECT_EQ(ok.exit_code, 0) << when << "\n" << ok.output << "\n" << text;
    EXPECT_EQ(ok.output.find('%'), std::string::npos) << ok.output;
  }
  // vtysh --dryrun exits 2 and prints "line N: % Unknown command" for a line it cannot parse.
  std::string broken = exported(ExportFormat::kFrr, fixture(), kFixtureTime).text;
  broken += "ip prefix-list INTERDICT-V4 seq 500 permit 10.0.0.0/33 le 32\n";
  const std::string file = dir.write("broken.conf", broken);
  ToolRun bad = run(quote(*vtysh) + " --dryrun -f " + quote(file));
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("% Unknown command"), std::string::npos) << bad.output;
}

// vtysh checks the grammar only; bgpd's own dry run also validates values (le below the
// length, a regex that does not compile) but exits 0 either way, so its log is the verdict.
TEST(ExportToolFrr, BgpdDryRunValidatesTheValues) {
  auto bgpd = require_tool("bgpd", "frr");
  if (!bgpd) return;
  if (::geteuid() != 0) GTEST_SKIP() << "bgpd --dryrun must start as root to drop privileges to the frr user";
  ScratchDir dir;
  auto check = [&](const std::string& text) {
    const std::string file = dir.write("bgpd.conf", text);
    return run(quote(*bgpd) + " --dryrun -f " + quote(file) + " -u frr -g frr -i " + quote(dir.file("bgpd.pid")) +
               " --vty_socket " + quote(dir.path()));
  };
  const std::string text = exported(ExportFormat::kFrr, fixture(), kFixtureTime).text;
  ToolRun ok = check(text);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  for (const char* failure : {"Config Failed", "No such command", "error", "Unknown command"}) {
    EXPECT_EQ(ok.output.find(failure), std::string::npos) << ok.output << "\n" << text;
  }
  ToolRun bad = check(text + "ip prefix-list INTERDICT-V4 seq 500 permit 10.0.0.0/8 le 4\n");
  EXPECT_NE(bad.output.find("Config Failed"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace interdict
