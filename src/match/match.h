// Matchers: compiled, read-only indexes from identifiers to the rule that designates them.
//
// Each matcher maps an identifier of one kind to a caller-chosen `target` (the engine uses
// an index into its table of (subject, identifier) rules). Matchers know normalisation and
// boundaries, nothing of law. Build with add(), then only call the const match functions.
//
// Thread-safety: add() is not thread-safe; once built, a matcher is immutable and its
// const functions may be called from any number of threads. No match function allocates
// (but for DomainMatcher's first lookup after add(), which builds its table).
#pragma once

#include <array>
#include <atomic>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/flat_map.h"

namespace interdict {

// Heterogeneous hashing so a std::string_view can probe a map keyed by std::string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

struct MatchHit {
  std::uint32_t target = 0;
  // The rule as stored (normalised), e.g. "weixin.qq.com"; valid while the matcher lives
  // and until its next add().
  std::string_view rule;
  bool exact = false;  // the rule matched the whole identifier, not a suffix or prefix of it
};

// Domain names: suffix rules ("tiktok.com" matches itself and "a.b.tiktok.com") and exact
// rules ("tiktokcdn.com.akamaized.net" matches only itself). Case-insensitive, a trailing
// dot ignored, never across a label boundary: "xtiktok.com" and "tiktok.com.evil.net" do
// not match "tiktok.com". The most specific rule wins: exact before suffix, longer suffix
// before shorter.
//
// Internationalised names: a rule or probe with a non-ASCII byte is read as UTF-8 and
// turned into its ASCII (A-label, "xn--") form by UTS #46 (non-transitional), so
// "例子.tiktok.com" and "xn--fsqu00a.tiktok.com" are one name, and full-width letters and
// dots read as ASCII. Names that are all ASCII skip that step and are compared as written
// (ASCII case folded). A non-ASCII name that UTS #46 refuses (invalid UTF-8, disallowed
// code points, a bad "xn--" label among Unicode ones, bidi or joiner rule breaks) never
// matches and cannot be added; empty labels and hyphen placement are tolerated, as they
// are for ASCII names.
//
// Memory: each rule is one entry (length, kind, fingerprint, target, name) back to back in
// one array, grouped by hash bucket, plus 8 bytes per bucket of about four rules: about 27
// bytes a rule for 2 million names. add() only appends; the first call that reads (match,
// size, memory_bytes) sorts what was added into buckets, once, under a lock.
class DomainMatcher {
 public:
  DomainMatcher() = default;
  // Copies are for a matcher no other thread is using.
  DomainMatcher(const DomainMatcher& other);
  DomainMatcher& operator=(const DomainMatcher& other);

  // Returns false (and adds nothing) if `domain` is empty, longer than 253 bytes in its
  // ASCII form, a non-ASCII name UTS #46 refuses, or the rules' text would pass 4 GiB.
  // Invalidates the `rule` views of earlier hits.
  bool add(std::string_view domain, bool exact, std::uint32_t target);
  // The most specific rule covering `host`, or nullopt. Its `rule` views the matcher and
  // stays valid until the next add() or the matcher's end. Does not allocate for an ASCII
  // host once built; a non-ASCII one is converted in a per-thread buffer (ICU may
  // allocate). The first call after add() builds the buckets (allocates, takes a lock).
  [[nodiscard]] std::optional<MatchHit> match(std::string_view host) const;
  // Distinct rules (a name added twice with the same kind counts once).
  [[nodiscard]] std::size_t size() const;
  // Bytes held by the index, for capacity planning.
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  // A bucket's entries start at `offset` in text_ and end where the next bucket's start.
  // `filter` has two bits set per entry, chosen by its hash: a probe whose bits are not
  // all set is a miss without reading the entries.
  struct Bucket {
    std::uint32_t offset = 0;
    std::uint32_t filter = 0;
  };
  void seal() const;
  [[nodiscard]] const char* find(std::uint64_t hash, std::string_view name, bool exact) const;

  // Entries are [length][exact | fingerprint][target, 4 bytes][name, lowercase, no
  // trailing dot]. pending_ holds those added since the last seal(), in order; seal() merges
  // them into text_, bucket by bucket (the first added of equal rules kept), and empties it.
  // INVARIANT: once sealed_ is set, only const reads touch text_ and buckets_.
  mutable std::vector<char> pending_;
  mutable std::vector<char> text_;
  mutable std::vector<Bucket> buckets_;  // bucket count + 1; the last holds the end offset
  mutable std::size_t count_ = 0;
  mutable std::atomic<bool> sealed_{true};
  mutable std::mutex seal_mutex_;
  // Bit k set: some suffix rule has k + 1 labels (bit 63: 64 or more). A suffix with a
  // label count no rule has is not probed: most lookups skip the top-level domain.
  std::uint64_t suffix_labels_ = 0;
};

// Autonomous system numbers.
class AsnMatcher {
 public:
  void add(std::uint32_t asn, std::uint32_t target);
  [[nodiscard]] std::optional<MatchHit> match(std::uint32_t asn) const;

 private:
  std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::string>> asns_;
};

// An IPv4 or IPv6 address; IPv4 is held as an IPv4-mapped IPv6 address (::ffff:a.b.c.d).
struct IpAddress {
  std::array<std::uint8_t, 16> bytes{};
  bool v4 = false;
};
// Parses dotted IPv4 and RFC 4291 IPv6 text (with "::" and an embedded IPv4 tail).
[[nodiscard]] std::optional<IpAddress> parse_ip(std::string_view text);

// Longest-prefix match over IPv4 and IPv6 prefixes. An IPv4 prefix never matches an IPv6
// address outside ::ffff:0:0/96, and the reverse.
class PrefixMatcher {
 public:
  // Returns false for text that is not "address/length" with host bits allowed but ignored.
  bool add(std::string_view cidr, std::uint32_t target);
  [[nodiscard]] std::optional<MatchHit> match(const IpAddress& ip) const;
  [[nodiscard]] std::optional<MatchHit> match(std::string_view ip_text) const;

 private:
  struct Rule {
    std::uint32_t target;
    std::string text;
  };
  // One map per prefix length (0..128, IPv4 lengths offset by 96), keyed by masked bytes.
  struct Key {
    std::array<std::uint8_t, 16> bytes;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept;
  };
  std::array<std::unordered_map<Key, Rule, KeyHash>, 129> by_length_;
  std::vector<int> lengths_;  // lengths in use, longest first
};

// App identifiers: Android package names, iOS bundle ids, App Store ids. Case-insensitive;
// an "id" before an all-digit store id is ignored ("id835599320" = "835599320").
class AppMatcher {
 public:
  void add(std::string_view app, std::uint32_t target);
  [[nodiscard]] std::optional<MatchHit> match(std::string_view app) const;

 private:
  FlatMap<std::uint32_t> apps_;
};

// Package URLs (purl). A pattern "pkg:maven/com.tiktok.open.sdk/*" has `*` wildcards in
// namespace and name; version, qualifiers and subpath of the probe are ignored. Type and
// the rest compare case-insensitively.
class PackageMatcher {
 public:
  void add(std::string_view purl_pattern, std::uint32_t target);
  [[nodiscard]] std::optional<MatchHit> match(std::string_view purl) const;

 private:
  FlatMap<std::uint32_t> exact_;
  // Patterns whose wildcards are all in the name, by their literal "type/namespace": a
  // probe globs only the few that share its namespace.
  FlatMap<std::vector<std::pair<std::string, std::uint32_t>>> by_namespace_;
  std::vector<std::pair<std::string, std::uint32_t>> wildcard_;  // the rest
};

// Class and package prefixes, matched on package boundaries: "com.tencent.mm.opensdk"
// matches "com.tencent.mm.opensdk.openapi.IWXAPI" and itself, never
// "com.tencent.mm.opensdkx.Foo". Accepts dotted names, JVM descriptors
// ("Lcom/tencent/mm/opensdk/openapi/IWXAPI;") and slash paths; `$` inner classes count as
// a boundary. The longest prefix wins.
//
// A rule that starts with "*." is a suffix, matched on the same boundaries:
// "*.wxapi.WXEntryActivity" matches "com.example.shop.wxapi.WXEntryActivity", never
// "com.example.notwxapi.WXEntryActivity" nor "wxapi.WXEntryActivity" itself. Callback
// classes that an SDK makes every integrating app declare in its own package are found so.
// A prefix rule wins over a suffix rule.
class ClassMatcher {
 public:
  // Longer rules and names never match: real bytecode's names stay far below.
  static constexpr std::size_t kMaxLength = 1024;

  void add(std::string_view prefix, std::uint32_t target);
  [[nodiscard]] std::optional<MatchHit> match(std::string_view class_name) const;

 private:
  FlatMap<std::uint32_t> prefixes_;
  FlatMap<std::pair<std::uint32_t, std::string>> suffixes_;  // key without "*.", then the rule as shown
  // The lengths the rules have: a package level of another length is not looked up.
  std::bitset<kMaxLength + 1> prefix_lengths_;
  std::bitset<kMaxLength + 1> suffix_lengths_;
};

// Exact tokens: URL schemes (case-insensitive) and web globals (case-sensitive).
class ExactMatcher {
 public:
  enum class Case : std::uint8_t { kSensitive, kInsensitive };
  explicit ExactMatcher(Case c) : case_(c) {}
  void add(std::string_view token, std::uint32_t target);
  [[nodiscard]] std::optional<MatchHit> match(std::string_view token) const;

 private:
  Case case_;
  FlatMap<std::uint32_t> tokens_;
};

// URL prefixes with the scheme ignored: "analytics.tiktok.com/i18n/pixel/events.js"
// matches "https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=X". The host compares
// case-insensitively; the path must match up to a boundary ('/', '?', '#' or its end).
class UrlMatcher {
 public:
  void add(std::string_view url_prefix, std::uint32_t target);
  [[nodiscard]] std::optional<MatchHit> match(std::string_view url) const;
  // The host part of a URL ("https://a.b/c" -> "a.b"), or "" if none.
  [[nodiscard]] static std::string_view host_of(std::string_view url);

 private:
  std::vector<std::pair<std::string, std::uint32_t>> rules_;  // longest first
};

// A name hit, and the group of the name it met (see NameMatcher::add).
struct NameMatchHit : MatchHit {
  std::uint8_t group = 0;
};

// Names of entities and subjects. Normalises case, accents, punctuation and legal-form
// words (Ltd, Inc., LLC, Co., Pte, 有限公司 ...), and transliterates other scripts to Latin.
// An exact match of the normalised form is `exact`; a probe whose tokens contain all the
// tokens of a name (or the reverse) is a partial hit (exact = false), for review.
//
// Names come in groups searched in one pass, a hit in an earlier group, exact or partial,
// before any in a later one: the engine puts its subjects' names before its entities'
// names, since a subject identified decides more than its owner named.
class NameMatcher {
 public:
  static constexpr std::uint8_t kGroups = 2;

  NameMatcher();
  ~NameMatcher();
  NameMatcher(NameMatcher&&) noexcept;
  NameMatcher& operator=(NameMatcher&&) noexcept;

  // `group` < kGroups; a name of another group is ignored. Add every name before the first
  // match() or normalise(), which builds the index once: a name added later is not indexed.
  void add(std::string_view name, std::uint32_t target, std::uint8_t group = 0);
  // The hit of the first group that has one: its exact hit, else its longest partial hit
  // (the first added among equals). Allocates only while its thread's scratch grows, and
  // for a name that is not ASCII (ICU).
  [[nodiscard]] std::optional<NameMatchHit> match(std::string_view name) const;
  // The normalised form ("ByteDance Ltd." -> "bytedance").
  [[nodiscard]] std::string normalise(std::string_view name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace interdict
