// The exports' content: selection by time, exact and suffix rules, holes, prefixes.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "export_helpers.h"

namespace interdict {
namespace {

using namespace interdict::testing;

std::vector<std::string> names_of(const DomainSelection& sel, DomainAction action, bool exact) {
  std::vector<std::string> out;
  for (const DomainEntry& e : sel.domains) {
    if (e.action == action && e.exact == exact) out.push_back(e.name);
  }
  return out;
}

std::vector<std::string> prefixes_of(const std::vector<PrefixEntry>& entries) {
  std::vector<std::string> out;
  for (const PrefixEntry& e : entries) out.push_back(format_prefix(e.prefix));
  return out;
}

PrefixEntry entry(std::string_view cidr) {
  auto p = parse_prefix(cidr);
  EXPECT_TRUE(p.has_value()) << cidr;
  return PrefixEntry{p ? *p : IpPrefix{}, {}};
}

TEST(ExportFormat, NamesRoundTrip) {
  for (std::string_view name : export_format_names()) {
    auto f = parse_export_format(name);
    ASSERT_TRUE(f.has_value()) << name;
    EXPECT_EQ(export_format_name(*f), name);
  }
  EXPECT_FALSE(parse_export_format("bind").has_value());
}

TEST(ExportPrefix, ParseClearsHostBitsAndFormatsCanonically) {
  EXPECT_EQ(format_prefix(*parse_prefix("198.51.100.7/24")), "198.51.100.0/24");
  EXPECT_EQ(format_prefix(*parse_prefix("2001:DB8:0:0:1::1/64")), "2001:db8::/64");
  EXPECT_EQ(format_prefix(*parse_prefix("2001:db8:0:1:0:0:0:0/64")), "2001:db8:0:1::/64");
  EXPECT_EQ(format_prefix(*parse_prefix("0.0.0.0/0")), "0.0.0.0/0");
  EXPECT_EQ(format_prefix(*parse_prefix("::/0")), "::/0");
  EXPECT_TRUE(parse_prefix("10.0.0.0/8")->v4());
  EXPECT_FALSE(parse_prefix("2001:db8::/32")->v4());
}

TEST(ExportPrefix, BadTextIsAParseError) {
  for (std::string_view bad :
       {"10.0.0.0", "10.0.0.0/33", "2001:db8::/129", "10.0.0/8", "10.0.0.0/x", "/8", "10.0.0.0/"}) {
    auto p = parse_prefix(bad);
    ASSERT_FALSE(p.has_value()) << bad;
    EXPECT_EQ(p.error().category(), ErrorCategory::kParse) << bad;
  }
}

TEST(ExportAggregate, MergesHalvesRepeatedly) {
  auto out =
      aggregate_prefixes({entry("10.0.0.192/26"), entry("10.0.0.0/26"), entry("10.0.0.128/26"), entry("10.0.0.64/26")});
  EXPECT_EQ(prefixes_of(out), (std::vector<std::string>{"10.0.0.0/24"}));
}

TEST(ExportAggregate, DropsContainedAndKeepsNonSiblings) {
  // 10.0.1.0/24 and 10.0.2.0/24 touch but are not the halves of one /23.
  auto out = aggregate_prefixes({entry("10.0.2.0/24"), entry("10.0.1.0/24"), entry("10.0.1.128/25"),
                                 entry("10.0.1.7/32"), entry("192.0.2.0/24")});
  EXPECT_EQ(prefixes_of(out), (std::vector<std::string>{"10.0.1.0/24", "10.0.2.0/24", "192.0.2.0/24"}));
}

TEST(ExportAggregate, MergedParentAbsorbsWhatFollows) {
  auto out =
      aggregate_prefixes({entry("10.0.0.0/25"), entry("10.0.0.128/25"), entry("10.0.0.200/29"), entry("10.0.1.0/24")});
  EXPECT_EQ(prefixes_of(out), (std::vector<std::string>{"10.0.0.0/23"}));
}

TEST(ExportAggregate, Ipv6AndSourcesJoined) {
  const Corpus& c = fixture();
  const Subject* clip = c.find_subject("clip");
  PrefixEntry a = entry("2001:db8::/33");
  PrefixEntry b = entry("2001:db8:8000::/33");
  a.sources.push_back(EntrySource{&c.orders[0], 1, clip, State::kInForce, 0});
  b.sources.push_back(EntrySource{&c.orders[0], 1, clip, State::kInForce, 396986});
  auto out = aggregate_prefixes({a, b});
  ASSERT_EQ(prefixes_of(out), (std::vector<std::string>{"2001:db8::/32"}));
  EXPECT_EQ(out[0].sources.size(), 2u);
}

TEST(ExportSelectDomains, InForceClauseExportsItsSubjectWithHoles) {
  auto sel = select_domains(fixture(), as_of("2021-06-01T00:00:00Z"));
  ASSERT_TRUE(sel.has_value()) << sel.error().to_string();
  ASSERT_EQ(sel->exported.size(), 1u);
  EXPECT_EQ(sel->exported[0].clause().id, "1");
  // Clause 3 covers hosting too but is enjoined.
  ASSERT_EQ(sel->excluded.size(), 1u);
  EXPECT_EQ(describe_exclusion(sel->excluded[0]),
            "test-export 3: enjoined at 2021-03-01T00:00:00Z (enjoined-3); --include-enjoined exports it");
  EXPECT_EQ(names_of(*sel, DomainAction::kBlock, false),
            (std::vector<std::string>{"example-clip.net", "tiktok.com", "weixin.qq.com"}));
  // static.tiktok.com is exact but already under the tiktok.com suffix rule: dropped.
  EXPECT_EQ(names_of(*sel, DomainAction::kBlock, true), (std::vector<std::string>{"tiktokcdn.com.akamaized.net"}));
  // Longer rules of a subject no exported clause names are let through, as the engine does.
  EXPECT_EQ(names_of(*sel, DomainAction::kPass, false),
            (std::vector<std::string>{"analytics.tiktok.com", "pay.weixin.qq.com"}));
  // other.example is under no blocked rule, so it is not written even as a pass.
  for (const DomainEntry& e : sel->domains) EXPECT_NE(e.name, "other.example");
}

TEST(ExportSelectDomains, BeforeEffectiveNothingAndTheReason) {
  auto sel = select_domains(fixture(), as_of("2021-01-15T00:00:00Z"));
  ASSERT_TRUE(sel.has_value());
  EXPECT_TRUE(sel->domains.empty());
  EXPECT_TRUE(sel->exported.empty());
  ASSERT_EQ(sel->excluded.size(), 2u);
  EXPECT_EQ(describe_exclusion(sel->excluded[0]),
            "test-export 1: scheduled, effective 2021-02-01T00:00:00Z; --include-scheduled exports it");
}

TEST(ExportSelectDomains, AfterRevocationNothingAndTheReason) {
  auto out = exported(ExportFormat::kRpz, fixture(), as_of("2024-01-01T00:00:00Z"));
  EXPECT_EQ(out.entries, 0u);
  EXPECT_TRUE(has_note(out.notes, "test-export 1: revoked at 2023-01-01T00:00:00Z (revoked)")) << joined(out.notes);
  EXPECT_TRUE(has_line_starting(out.text, "@ SOA "));
  EXPECT_TRUE(has_line(out.text, "  NS localhost."));
  EXPECT_TRUE(has_line(out.text, "; nothing to enforce: no clause covering these activities is in force at that time"));
}

TEST(ExportSelectDomains, IncludeEnjoinedAddsTheEnjoinedClause) {
  ExportOptions options = as_of("2021-06-01T00:00:00Z");
  options.include_enjoined = true;
  auto sel = select_domains(fixture(), options);
  ASSERT_TRUE(sel.has_value());
  EXPECT_TRUE(sel->excluded.empty());
  auto blocked = names_of(*sel, DomainAction::kBlock, false);
  EXPECT_NE(std::find(blocked.begin(), blocked.end(), "other.example"), blocked.end());
  auto out = exported(ExportFormat::kRpz, fixture(), options);
  EXPECT_TRUE(has_line(out.text, "other.example CNAME . ; test-export 3 Other App [enjoined]")) << out.text;
}

TEST(ExportSelectDomains, KnownAtBeforeTheInjunctionWasRecorded) {
  ExportOptions options = as_of("2021-06-01T00:00:00Z");
  options.known_at = at("2021-02-15T00:00:00Z");
  auto sel = select_domains(fixture(), options);
  ASSERT_TRUE(sel.has_value());
  EXPECT_EQ(sel->exported.size(), 2u);
  EXPECT_TRUE(sel->excluded.empty());
}

TEST(ExportSelectDomains, ActivityOptionAddsClauses) {
  ExportOptions options = as_of("2021-06-01T00:00:00Z");
  options.extra_activities = activity_bit(Activity::kTransit);
  auto sel = select_domains(fixture(), options);
  ASSERT_TRUE(sel.has_value());
  EXPECT_EQ(sel->exported.size(), 2u);  // clause 2 (transit) joins clause 1
}

TEST(ExportSelectDomains, UnwritableDomainIsAValidationErrorWithItsLocation) {
  // The loader rejects such a name too; the export must not rely on it, so the corpus is
  // changed after loading.
  Corpus corpus = fixture();
  Subject& clip = corpus.subjects[static_cast<std::size_t>(corpus.find_subject("clip") - corpus.subjects.data())];
  for (Identifier& id : clip.identifiers) {
    if (id.value == "weixin.qq.com") id.value = "weixin\"qq.com";
  }
  auto sel = select_domains(corpus, as_of("2021-06-01T00:00:00Z"));
  ASSERT_FALSE(sel.has_value());
  EXPECT_EQ(sel.error().category(), ErrorCategory::kValidation);
  EXPECT_NE(sel.error().to_string().find("fixture.toml:"), std::string::npos) << sel.error().to_string();
  EXPECT_NE(sel.error().to_string().find("`weixin\"qq.com`"), std::string::npos);
}

TEST(ExportRpz, SuffixExactAndPassRecords) {
  auto out = exported(ExportFormat::kRpz, fixture(), as_of("2021-06-01T00:00:00Z"));
  const std::string& t = out.text;
  EXPECT_TRUE(has_line(t, "tiktok.com CNAME . ; test-export 1 Clip")) << t;
  EXPECT_TRUE(has_line(t, "*.tiktok.com CNAME . ; test-export 1 Clip"));
  EXPECT_TRUE(has_line(t, "tiktokcdn.com.akamaized.net CNAME . ; test-export 1 Clip"));
  EXPECT_FALSE(has_line_starting(t, "*.tiktokcdn.com.akamaized.net"));
  EXPECT_TRUE(has_line(t, "analytics.tiktok.com CNAME rpz-passthru. ; not designated: Clip Pixel (clip-pixel)"));
  EXPECT_TRUE(has_line(t, "*.analytics.tiktok.com CNAME rpz-passthru. ; not designated: Clip Pixel (clip-pixel)"));
  EXPECT_TRUE(has_line(t, "$TTL 300"));
  // The serial is the as-of time, so later exports load over earlier ones.
  EXPECT_TRUE(has_line(t, "@ SOA localhost. hostmaster.localhost. 1622505600 3600 600 86400 300"));
  EXPECT_EQ(out.entries, 6u);
}

TEST(ExportUnbound, ExactRuleIsATransparentZoneWithOnlyATxtRecord) {
  auto out = exported(ExportFormat::kUnbound, fixture(), as_of("2021-06-01T00:00:00Z"));
  const std::string& t = out.text;
  EXPECT_TRUE(has_line(t, "server:"));
  EXPECT_TRUE(has_line(t, "    local-zone: \"tiktok.com.\" always_nxdomain  # test-export 1 Clip")) << t;
  EXPECT_TRUE(
      has_line(t, "    local-zone: \"analytics.tiktok.com.\" transparent  # not designated: Clip Pixel (clip-pixel)"));
  EXPECT_TRUE(has_line(t, "    local-zone: \"tiktokcdn.com.akamaized.net.\" transparent  # exact: test-export 1 Clip"));
  EXPECT_TRUE(
      has_line(t, "    local-data: 'tiktokcdn.com.akamaized.net. 300 IN TXT \"blocked by interdict: test-export 1\"'"));
  EXPECT_FALSE(has_line_starting(t, "    local-zone: \"tiktokcdn.com.akamaized.net.\" always_nxdomain"));
}

TEST(ExportDnsmasq, AddressServerAndHostRecordLines) {
  auto out = exported(ExportFormat::kDnsmasq, fixture(), as_of("2021-06-01T00:00:00Z"));
  const std::string& t = out.text;
  EXPECT_TRUE(has_line(t, "address=/tiktok.com/")) << t;
  EXPECT_TRUE(has_line(t, "server=/analytics.tiktok.com/#"));
  EXPECT_TRUE(has_line(t, "host-record=tiktokcdn.com.akamaized.net,0.0.0.0,::"));
  EXPECT_FALSE(has_line(t, "address=/tiktokcdn.com.akamaized.net/"));
  // Every entry line follows its comment line.
  EXPECT_NE(t.find("# test-export 1 Clip\naddress=/tiktok.com/\n"), std::string::npos);
}

TEST(ExportHosts, NamesOnlyAndTheNoteAboutSuffixes) {
  auto out = exported(ExportFormat::kHosts, fixture(), as_of("2021-06-01T00:00:00Z"));
  const std::string& t = out.text;
  EXPECT_TRUE(has_line_starting(t, "0.0.0.0 tiktok.com  # names below are not blocked here: test-export 1 Clip")) << t;
  EXPECT_TRUE(has_line_starting(t, "0.0.0.0 tiktokcdn.com.akamaized.net  # exact: test-export 1 Clip"));
  EXPECT_FALSE(has_line_starting(t, "0.0.0.0 analytics.tiktok.com"));
  EXPECT_TRUE(has_note(out.notes, "hosts: 3 suffix rules are written as their own names only")) << joined(out.notes);
}

TEST(ExportSelectRoutes, AsnsAndAggregatedPrefixes) {
  auto sel = select_routes(fixture(), as_of("2021-06-01T00:00:00Z"), {});
  ASSERT_TRUE(sel.has_value()) << sel.error().to_string();
  ASSERT_EQ(sel->asns.size(), 2u);
  EXPECT_EQ(sel->asns[0].asn, 64500u);
  EXPECT_EQ(sel->asns[1].asn, 396986u);
  EXPECT_EQ(prefixes_of(sel->v4), (std::vector<std::string>{"192.0.2.0/24", "198.51.100.0/24"}));
  EXPECT_EQ(prefixes_of(sel->v6), (std::vector<std::string>{"2001:db8::/32"}));
  // Clause 3 covers transit but is enjoined: AS64511 is out.
  ASSERT_EQ(sel->excluded.size(), 1u);
  EXPECT_TRUE(has_note(sel->notes, "prefix 192.0.2.200/29 of `clip-pixel`")) << joined(sel->notes);
}

TEST(ExportSelectRoutes, ObservedRoutesOfDesignatedOriginsAreMergedIn) {
  std::vector<ObservedRoute> observed = {
      {396986, *parse_prefix("203.0.113.0/25")},  {64500, *parse_prefix("203.0.113.128/25")},
      {65000, *parse_prefix("100.64.0.0/10")},     // origin not designated
      {64511, *parse_prefix("100.100.0.0/16")},    // designated only by the enjoined clause
      {396986, *parse_prefix("2001:db8:1::/48")},  // inside an order prefix already
  };
  auto sel = select_routes(fixture(), as_of("2021-06-01T00:00:00Z"), observed);
  ASSERT_TRUE(sel.has_value());
  EXPECT_EQ(prefixes_of(sel->v4), (std::vector<std::string>{"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"}));
  EXPECT_EQ(prefixes_of(sel->v6), (std::vector<std::string>{"2001:db8::/32"}));
  EXPECT_EQ(sel->observed_used, 3u);
  EXPECT_EQ(sel->observed_ignored, 2u);
  const PrefixEntry& merged = sel->v4[2];
  ASSERT_EQ(merged.sources.size(), 2u);
  EXPECT_EQ(merged.sources[0].observed_from, 64500u);
  EXPECT_EQ(merged.sources[1].observed_from, 396986u);
  EXPECT_TRUE(has_note(sel->notes, "2 observed routes from 2 origin ASNs")) << joined(sel->notes);

  std::vector<std::string> notes;
  const std::string bird = render_bird(*sel, notes);
  EXPECT_TRUE(has_line(bird,
                       "    203.0.113.0/24+  # test-export 2 Clip (observed from AS64500); "
                       "test-export 2 Clip (observed from AS396986)"))
      << bird;
}

TEST(ExportBird, SetsAndFunction) {
  auto out = exported(ExportFormat::kBird, fixture(), as_of("2021-06-01T00:00:00Z"));
  const std::string& t = out.text;
  EXPECT_TRUE(has_line(t, "define INTERDICT_V4 = [")) << t;
  EXPECT_TRUE(has_line(t, "    192.0.2.0/24+,  # test-export 2 Clip"));
  EXPECT_TRUE(has_line(t, "    198.51.100.0/24+  # test-export 2 Clip"));
  EXPECT_TRUE(has_line(t, "    2001:db8::/32+  # test-export 2 Clip"));
  EXPECT_TRUE(has_line(t, "    64500,  # test-export 2 Clip"));
  EXPECT_TRUE(has_line(t, "    396986  # test-export 2 Clip"));
  EXPECT_TRUE(has_line(t, "function interdict_designated()"));
  EXPECT_EQ(t.find("64511"), std::string::npos);
}

TEST(ExportBird, EmptySetsStayDefined) {
  auto out = exported(ExportFormat::kBird, fixture(), as_of("2024-01-01T00:00:00Z"));
  EXPECT_TRUE(has_line(out.text, "define INTERDICT_V4 = [ ];  # empty: nothing designated")) << out.text;
  EXPECT_TRUE(has_line(out.text, "define INTERDICT_ASNS = [ ];  # empty: nothing designated"));
}

TEST(ExportFrr, PrefixListsAndAsPathList) {
  auto out = exported(ExportFormat::kFrr, fixture(), as_of("2021-06-01T00:00:00Z"));
  const std::string& t = out.text;
  EXPECT_TRUE(has_line(t, "no ip prefix-list INTERDICT-V4")) << t;
  EXPECT_TRUE(has_line(t, "ip prefix-list INTERDICT-V4 seq 5 permit 192.0.2.0/24 le 32"));
  EXPECT_TRUE(has_line(t, "ip prefix-list INTERDICT-V4 seq 10 permit 198.51.100.0/24 le 32"));
  EXPECT_TRUE(has_line(t, "ipv6 prefix-list INTERDICT-V6 seq 5 permit 2001:db8::/32 le 128"));
  EXPECT_TRUE(has_line(t, "bgp as-path access-list INTERDICT-ASPATH seq 5 permit _64500_"));
  EXPECT_TRUE(has_line(t, "bgp as-path access-list INTERDICT-ASPATH seq 10 permit _396986_"));
  EXPECT_NE(t.find("! test-export 2 Clip\nbgp as-path access-list INTERDICT-ASPATH seq 10"), std::string::npos);
}

TEST(ExportFrr, EmptyListsMatchNothingAsBgpq4WritesThem) {
  auto out = exported(ExportFormat::kFrr, fixture(), as_of("2024-01-01T00:00:00Z"));
  EXPECT_TRUE(has_line(out.text, "ip prefix-list INTERDICT-V4 seq 5 deny 0.0.0.0/0")) << out.text;
  EXPECT_TRUE(has_line(out.text, "ipv6 prefix-list INTERDICT-V6 seq 5 deny ::/0"));
  EXPECT_TRUE(has_line(out.text, "bgp as-path access-list INTERDICT-ASPATH seq 5 deny .*"));
}

// ---- The bundled orders at the dates the brief names ----

TEST(ExportBundled, WeChatEnjoinedOn2020_09_21) {
  auto sel = select_domains(bundled_corpus(), as_of("2020-09-21T12:00:00Z"));
  ASSERT_TRUE(sel.has_value());
  std::vector<std::string> wechat;
  for (const ClauseState& c : sel->excluded) {
    if (c.order->id == "us-2020-wechat") wechat.push_back(describe_exclusion(c));
  }
  ASSERT_EQ(wechat.size(), 2u);  // 3 hosting, 4 cdn
  for (const std::string& w : wechat)
    EXPECT_NE(w.find(": enjoined at 2020-09-19T00:00 America/Los_Angeles"), std::string::npos) << w;
  for (const DomainEntry& e : sel->domains) EXPECT_NE(e.name, "weixin.qq.com");
}

TEST(ExportBundled, PafacaSuspendedOn2025_06_01) {
  auto out = exported(ExportFormat::kRpz, bundled_corpus(), as_of("2025-06-01T00:00:00Z"));
  EXPECT_EQ(out.entries, 0u) << out.text;
  EXPECT_TRUE(has_note(out.notes, "us-2024-pafaca 2(a)(1)(B): enforcement suspended at")) << joined(out.notes);
  EXPECT_TRUE(has_note(out.notes, "us-2020-tiktok 2: revoked at 2021-06-09T00:00 America/New_York (revoked-eo14034)"));

  ExportOptions options = as_of("2025-06-01T00:00:00Z");
  options.include_suspended = true;
  auto with = exported(ExportFormat::kRpz, bundled_corpus(), options);
  EXPECT_TRUE(has_line(with.text, "tiktok.com CNAME . ; us-2024-pafaca 2(a)(1)(B) TikTok [suspended]")) << with.text;
}

TEST(ExportBundled, PafacaInForceOn2026_02_01) {
  auto out = exported(ExportFormat::kRpz, bundled_corpus(), as_of("2026-02-01T00:00:00Z"));
  EXPECT_TRUE(has_line(out.text, "tiktok.com CNAME . ; us-2024-pafaca 2(a)(1)(B) TikTok")) << out.text;
  EXPECT_TRUE(has_line(out.text, "*.tiktok.com CNAME . ; us-2024-pafaca 2(a)(1)(B) TikTok"));
  EXPECT_TRUE(has_line(out.text, "tiktokcdn.com.akamaized.net CNAME . ; us-2024-pafaca 2(a)(1)(B) TikTok"));
  EXPECT_TRUE(has_line_starting(out.text, "analytics.tiktok.com CNAME rpz-passthru. ; not designated: "));
}

TEST(ExportBundled, RoutersHaveNothingIn2026AndSayWhy) {
  auto out = exported(ExportFormat::kFrr, bundled_corpus(), as_of("2026-02-01T00:00:00Z"));
  EXPECT_EQ(out.entries, 0u);
  EXPECT_TRUE(has_note(out.notes, "us-2020-tiktok 4: revoked at 2021-06-09T00:00 America/New_York"))
      << joined(out.notes);
  EXPECT_TRUE(has_note(out.notes, "us-2020-wechat 5: revoked at"));
}

// The DNS export must answer every name as the engine decides it: resolve a name through
// the selection (exact rule, else the nearest suffix rule) and compare with decide().
TEST(ExportBundled, DnsSelectionAgreesWithTheEngine) {
  auto compiled = OrderSet::compile(bundled_corpus());
  ASSERT_TRUE(compiled.has_value()) << compiled.error().to_string();
  const OrderSet& engine = **compiled;
  for (const char* when : {"2020-11-20T00:00:00Z", "2025-06-01T00:00:00Z", "2026-02-01T00:00:00Z"}) {
    ExportOptions options = as_of(when);
    options.include_enjoined = true;  // so that the 2020 orders have entries to compare
    options.include_suspended = true;
    auto sel = select_domains(bundled_corpus(), options);
    ASSERT_TRUE(sel.has_value());
    auto blocked_by_export = [&](std::string_view host) {
      for (const DomainEntry& e : sel->domains) {
        if (e.exact && e.name == host) return e.action == DomainAction::kBlock;
      }
      for (std::string_view name = host;;) {
        for (const DomainEntry& e : sel->domains) {
          if (!e.exact && e.name == name) return e.action == DomainAction::kBlock;
        }
        const std::size_t dot = name.find('.');
        if (dot == std::string_view::npos) return false;
        name.remove_prefix(dot + 1);
      }
    };
    for (const char* host :
         {"tiktok.com", "www.tiktok.com", "analytics.tiktok.com", "a.analytics.tiktok.com", "xtiktok.com",
          "tiktok.com.example.net", "tiktokcdn.com.akamaized.net", "a.tiktokcdn.com.akamaized.net", "capcut.com",
          "weixin.qq.com", "long.weixin.qq.com", "pay.weixin.qq.com", "work.weixin.qq.com", "notweixin.qq.com",
          "qq.com", "mmbiz.qpic.cn", "x.mmbiz.qpic.cn", "res.wx.qq.com"}) {
      bool prohibited = false;
      for (Activity a : {Activity::kHosting, Activity::kCdn}) {
        Observation obs;
        obs.activity = a;
        obs.at = options.as_of;
        obs.add_probe(ProbeKind::kDomain, host);
        obs.add_country("US");
        const Finding f = engine.decide(obs);
        // The export's states: in force, suspended and (asked for here) enjoined.
        for (int i = 0; i < f.match_count; ++i) {
          const Match& m = f.matches[static_cast<std::size_t>(i)];
          const State s = m.state.state;
          const bool exported_state = s == State::kInForce || s == State::kSuspended || s == State::kEnjoined;
          if (m.activity_covered && m.exemption == nullptr && exported_state && m.how.certain) prohibited = true;
        }
      }
      EXPECT_EQ(blocked_by_export(host), prohibited) << host << " at " << when;
    }
  }
}

}  // namespace
}  // namespace interdict
