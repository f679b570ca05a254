// Exports: enforcement generated straight from the orders, in the formats operators load.
//
// Two families, one per chokepoint (issues 3 and 4):
//   DNS     rpz, unbound, dnsmasq, hosts: the domains of subjects whose clauses in force
//           cover hosting or cdn;
//   routers bird, frr: the ASNs and prefixes of subjects whose clauses in force cover transit
//           or peering, merged with prefixes observed in BGP for those ASNs (ObservedRoute);
//   json    both, with every entry's order, clause and subject.
//
// An export is made in two stages: select_domains()/select_routes() fold each clause's
// state at (as_of, known_at) and collect what the clauses in force designate, with the
// reason for every entry and for every clause left out; render_*() write one format.
// export_as() does both for the CLI. docs/export.md describes every format and its choices.
//
// Thread-safety: free functions over an immutable Corpus; no shared state. The selections
// point into the Corpus they were made from and stay valid while it lives.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "match/match.h"
#include "order/order.h"

namespace interdict {

enum class ExportFormat : std::uint8_t { kRpz, kUnbound, kDnsmasq, kHosts, kBird, kFrr, kJson };
// "rpz", "unbound", ... as `--as` takes them.
[[nodiscard]] std::string_view export_format_name(ExportFormat format);
// nullopt for a name outside the list.
[[nodiscard]] std::optional<ExportFormat> parse_export_format(std::string_view name);
[[nodiscard]] std::span<const std::string_view> export_format_names();

// The activities each family exports by default; ExportOptions::extra_activities adds to both.
inline constexpr ActivitySet kDnsActivities = activity_bit(Activity::kHosting) | activity_bit(Activity::kCdn);
inline constexpr ActivitySet kRouteActivities = activity_bit(Activity::kTransit) | activity_bit(Activity::kPeering);

// An IPv4 or IPv6 prefix with its host bits cleared. IPv4 is held as in IpAddress
// (::ffff:a.b.c.d, v4 set); `length` counts in the prefix's own family: 0-32 or 0-128.
struct IpPrefix {
  IpAddress address;
  std::uint8_t length = 0;

  [[nodiscard]] bool v4() const { return address.v4; }
  friend bool operator==(const IpPrefix& a, const IpPrefix& b) {
    return a.address.v4 == b.address.v4 && a.length == b.length && a.address.bytes == b.address.bytes;
  }
};

// "192.0.2.0/24", "2001:db8::/32". Host bits are allowed and cleared, as the matcher does.
// Errors: kParse for anything else (no slash, bad address, length past the family's).
[[nodiscard]] Result<IpPrefix> parse_prefix(std::string_view cidr);
// Canonical text: dotted IPv4, RFC 5952 IPv6 ("2001:db8::/32").
[[nodiscard]] std::string format_prefix(const IpPrefix& prefix);

// A route seen in a BGP table or MRT dump: `prefix` originated by `origin_asn` (the last AS
// of its path). Router exports add the prefixes whose origin is a designated ASN, so that a
// filter also catches a designated network's address space that no order lists.
struct ObservedRoute {
  std::uint32_t origin_asn = 0;
  IpPrefix prefix;
};

struct ExportOptions {
  Instant as_of = 0;                 // the time of the transactions to stop
  Instant known_at = kEndOfTime;     // count only events recorded by then
  ActivitySet extra_activities = 0;  // added to each family's defaults
  // A clause exports when in force. These also export clauses in the named state: suspended
  // (enforcement withheld, conduct still unlawful), enjoined (stopped by a court), scheduled
  // (published, not yet effective: to stage a filter before the date).
  bool include_suspended = false;
  bool include_enjoined = false;
  bool include_scheduled = false;
};

// One clause that an export considered, and how it stood at (as_of, known_at).
struct ClauseState {
  const Order* order;
  std::uint32_t prohibition;  // index into order->prohibitions
  StateAt state;

  [[nodiscard]] const Prohibition& clause() const { return order->prohibitions[prohibition]; }
};

// Why an entry is in an export: a clause naming a subject. `order` is null for an entry
// that lets a name through: the longer rule of a subject that no exported clause names.
struct EntrySource {
  const Order* order;
  std::uint32_t prohibition;
  const Subject* subject;
  State state;
  std::uint32_t observed_from;  // prefixes: the origin ASN it was observed from; 0 = listed in the order
};

// "us-2024-pafaca 2(a)(1)(B) TikTok", with " [suspended]" when not in force and
// " (observed from AS396986)" for an observed prefix; for a let-through entry
// "not designated: TikTok Pixel (tiktok-pixel)".
[[nodiscard]] std::string source_label(const EntrySource& source);
// The labels of `sources`, distinct, joined by "; ".
[[nodiscard]] std::string sources_label(std::span<const EntrySource> sources);

enum class DomainAction : std::uint8_t {
  kBlock,  // a subject named by an exported clause
  kPass,   // a longer rule of another subject inside a blocked suffix: the engine lets it through
};

struct DomainEntry {
  std::string name;    // lowercase ASCII, no trailing dot
  bool exact = false;  // true: this name only; false: the name and every name under it
  DomainAction action = DomainAction::kBlock;
  std::vector<EntrySource> sources;
};

struct AsnEntry {
  std::uint32_t asn = 0;
  std::vector<EntrySource> sources;
};

struct PrefixEntry {
  IpPrefix prefix;  // blocks the prefix and every more specific one
  std::vector<EntrySource> sources;
};

// What a DNS export holds. `domains` is sorted by name (exact before suffix for one name)
// and minimal: an entry is kept only where it changes the outcome of its enclosing suffix
// rule, so a name never appears twice with one meaning.
struct DomainSelection {
  ExportOptions options;
  ActivitySet activities = 0;
  std::vector<ClauseState> exported;  // clauses whose subjects are in the export
  std::vector<ClauseState> excluded;  // clauses of these activities left out, by state
  std::vector<DomainEntry> domains;
  std::vector<std::string> notes;  // gaps: exempt subjects, subjects without domains
};

// What a router export holds: ASNs sorted; prefixes aggregated and sorted, IPv4 and IPv6 apart.
struct RouteSelection {
  ExportOptions options;
  ActivitySet activities = 0;
  std::vector<ClauseState> exported;
  std::vector<ClauseState> excluded;
  std::vector<AsnEntry> asns;
  std::vector<PrefixEntry> v4;
  std::vector<PrefixEntry> v6;
  std::size_t observed_used = 0;     // observed routes whose origin is an exported ASN
  std::size_t observed_ignored = 0;  // the others
  std::vector<std::string> notes;
};

// The domains that the clauses covering `kDnsActivities | options.extra_activities` designate
// at (as_of, known_at). Exemptions that name a subject take it out of their clauses.
// Errors: kValidation, with the identifier's file:line:col, for a domain that cannot be
// written into a zone or config (characters outside [A-Za-z0-9_-], empty or long labels).
[[nodiscard]] Result<DomainSelection> select_domains(const Corpus& corpus, const ExportOptions& options);

// The ASNs and prefixes that the clauses covering `kRouteActivities | extra_activities`
// designate, plus each `observed` prefix whose origin is one of those ASNs; aggregated.
// Errors: kValidation for an order prefix that does not parse (with its file:line:col).
[[nodiscard]] Result<RouteSelection> select_routes(const Corpus& corpus, const ExportOptions& options,
                                                   std::span<const ObservedRoute> observed);

// Merges prefixes that contain one another or are adjacent halves of one prefix (as
// `aggregate` and bgpq4 -A do for exact-or-longer matches), joining their sources; returns
// them sorted by address. REQUIRES: all of one family.
[[nodiscard]] std::vector<PrefixEntry> aggregate_prefixes(std::vector<PrefixEntry> prefixes);

// Why a clause was left out: "us-2020-tiktok 4: revoked at 2021-06-09T00:00 America/New_York
// (revoked-eo14034)", with the option that would include it where there is one.
[[nodiscard]] std::string describe_exclusion(const ClauseState& clause);

// The formats. Each returns the whole file; a selection with no entries gives a file that
// its tool still loads. Notes about what a format cannot express are appended to `notes`.
[[nodiscard]] std::string render_rpz(const DomainSelection& selection, std::vector<std::string>& notes);
[[nodiscard]] std::string render_unbound(const DomainSelection& selection, std::vector<std::string>& notes);
[[nodiscard]] std::string render_dnsmasq(const DomainSelection& selection, std::vector<std::string>& notes);
[[nodiscard]] std::string render_hosts(const DomainSelection& selection, std::vector<std::string>& notes);
[[nodiscard]] std::string render_bird(const RouteSelection& selection, std::vector<std::string>& notes);
[[nodiscard]] std::string render_frr(const RouteSelection& selection, std::vector<std::string>& notes);
[[nodiscard]] std::string render_json(const DomainSelection& domains, const RouteSelection& routes);

struct ExportOutput {
  std::string text;                // the file
  std::vector<std::string> notes;  // for stderr: what was left out and why, and gaps
  std::size_t entries = 0;         // domains, ASNs and prefixes written
};

// Selects and renders one format. Errors: those of select_domains() and select_routes().
[[nodiscard]] Result<ExportOutput> export_as(ExportFormat format, const Corpus& corpus, const ExportOptions& options,
                                             std::span<const ObservedRoute> observed = {});

}  // namespace interdict
