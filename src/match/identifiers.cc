// Matchers for ASNs, app ids, package URLs, class names and URL prefixes.
//
// Probes are normalised into fixed stack buffers so that no match function allocates; an
// identifier longer than its buffer never matches, and add() ignores one, since it could
// never be found.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

#include "base/ascii.h"
#include "match/match.h"

namespace interdict {
namespace {

constexpr std::size_t kMaxAppLength = 255;       // far past any real package name or bundle id
constexpr std::size_t kMaxPackageLength = 1024;  // type/namespace/name of a purl
constexpr std::size_t kMaxClassLength = ClassMatcher::kMaxLength;

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// ---- apps

// REQUIRES: `out` has room for app.size() bytes.
std::string_view normalise_app(std::string_view app, char* out) {
  ascii_lower_copy(app.data(), app.size(), out);
  std::string_view id(out, app.size());
  if (id.size() > 2 && id.starts_with("id") && std::all_of(id.begin() + 2, id.end(), is_digit)) id.remove_prefix(2);
  return id;
}

// ---- package URLs

// The last `c` in `s`, or npos. string_view::rfind steps a byte at a time; glibc's memrchr
// reads a vector at a time, and a purl's last '/' is some twenty bytes from its end.
std::size_t last_of(std::string_view s, char c) {
  const void* found = s.empty() ? nullptr : memrchr(s.data(), c, s.size());
  return found == nullptr ? std::string_view::npos
                          : static_cast<std::size_t>(static_cast<const char*>(found) - s.data());
}

// Writes the lowercase "type/namespace/name" of a purl (or purl pattern) to `out`, with
// version, qualifiers and subpath dropped and "%40" decoded to '@'.
// REQUIRES: `out` has room for purl.size() bytes.
std::string_view normalise_purl(std::string_view purl, char* out) {
  purl = purl.substr(0, purl.find('#'));
  purl = purl.substr(0, purl.find('?'));
  if (istarts_with(purl, "pkg:")) purl.remove_prefix(4);
  while (!purl.empty() && purl.front() == '/') purl.remove_prefix(1);
  while (!purl.empty() && purl.back() == '/') purl.remove_suffix(1);
  // The version follows an '@' in the last segment; an '@' earlier is an npm scope.
  const std::size_t last_slash = last_of(purl, '/');
  const std::size_t at = purl.find('@', last_slash == std::string_view::npos ? 0 : last_slash);
  purl = purl.substr(0, at);
  ascii_lower_copy(purl.data(), purl.size(), out);
  const std::size_t n = purl.size();
  if (std::memchr(out, '%', n) == nullptr) return {out, n};
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (out[i] == '%' && i + 2 < n && out[i + 1] == '4' && out[i + 2] == '0') {
      out[kept++] = '@';
      i += 2;
    } else {
      out[kept++] = out[i];
    }
  }
  return {out, kept};
}

// Glob within one segment: '*' matches any run of characters, including none.
bool glob_segment(std::string_view pattern, std::string_view text) {
  // The literal text before the first '*' and after the last is compared whole: most
  // patterns are a name with one '*' at the end ("wechat-sdk-android*"), a prefix test.
  const std::size_t first_star = pattern.find('*');
  if (first_star == std::string_view::npos) return pattern == text;
  const std::size_t last_star = pattern.rfind('*');
  const std::size_t tail = pattern.size() - last_star - 1;
  if (text.size() < first_star + tail) return false;
  if (text.compare(0, first_star, pattern, 0, first_star) != 0) return false;
  if (text.compare(text.size() - tail, tail, pattern, last_star + 1, tail) != 0) return false;
  if (first_star == last_star) return true;
  // Between the two: backtracking over the stars, on what the literals left.
  pattern = pattern.substr(first_star, last_star + 1 - first_star);
  text = text.substr(first_star, text.size() - tail - first_star);
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// '*' never matches a '/', so pattern and text must have the same segments, each matching.
bool glob_path(std::string_view pattern, std::string_view text) {
  while (true) {
    const std::size_t ps = pattern.find('/');
    const std::size_t ts = text.find('/');
    if ((ps == std::string_view::npos) != (ts == std::string_view::npos)) return false;
    if (!glob_segment(pattern.substr(0, ps), text.substr(0, ts))) return false;
    if (ps == std::string_view::npos) return true;
    pattern.remove_prefix(ps + 1);
    text.remove_prefix(ts + 1);
  }
}

// ---- class names

// Whether any byte of `w` may be `c`: exact when none is (the usual case), and then the
// caller's byte loop decides.
constexpr bool has_byte(std::uint64_t w, char c) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  const std::uint64_t x = w ^ (kOnes * static_cast<unsigned char>(c));
  return ((x - kOnes) & ~x & (kOnes << 7)) != 0;
}

// Writes the dotted form of a class name, descriptor or slash path to `out`:
// "[Lcom/a/B$C;" -> "com.a.B.C". A trailing ".*" or '.' is dropped, so a package written as
// "com.a.*" or "com/a/" is the prefix "com.a".
// REQUIRES: `out` has room for name.size() bytes.
std::string_view normalise_class(std::string_view name, char* out) {
  const std::size_t dims = name.find_first_not_of('[');
  if (dims != 0 && dims != std::string_view::npos && name[dims] == 'L') name.remove_prefix(dims);
  if (name.size() >= 2 && name.front() == 'L' && name.back() == ';') name = name.substr(1, name.size() - 2);
  // Eight bytes a step: most words hold neither '/' nor '$' and are copied as they are.
  const std::size_t n = name.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, name.data() + i, 8);
    if (has_byte(w, '/') || has_byte(w, '$')) {
      for (std::size_t k = i; k < i + 8; ++k) out[k] = (name[k] == '/' || name[k] == '$') ? '.' : name[k];
    } else {
      std::memcpy(out + i, &w, 8);
    }
  }
  for (; i < n; ++i) out[i] = (name[i] == '/' || name[i] == '$') ? '.' : name[i];
  std::string_view dotted(out, n);
  if (dotted.ends_with(".*")) dotted.remove_suffix(1);
  while (!dotted.empty() && dotted.front() == '.') dotted.remove_prefix(1);
  while (!dotted.empty() && dotted.back() == '.') dotted.remove_suffix(1);
  return dotted;
}

// ---- URLs

struct UrlParts {
  std::string_view host;  // without userinfo, port or IPv6 brackets; case as written
  std::string_view rest;  // path, query and fragment: empty or starting with '/', '?' or '#'
};

UrlParts split_url(std::string_view url) {
  const std::size_t authority_end = url.find_first_of("/?#");
  const std::size_t sep = url.find("://");
  // A scheme is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 section 3.1), and sits
  // before the first '/', so "a.b/x://y" has none.
  if (sep != std::string_view::npos && sep > 0 && sep < authority_end && is_alpha(url[0]) &&
      std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(sep),
                  [](char c) { return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.'; })) {
    url.remove_prefix(sep + 3);
  } else if (url.starts_with("//")) {
    url.remove_prefix(2);
  }
  const std::size_t end = std::min(url.find_first_of("/?#"), url.size());
  std::string_view authority = url.substr(0, end);
  UrlParts parts{{}, url.substr(end)};
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close != std::string_view::npos) parts.host = authority.substr(1, close - 1);
    return parts;
  }
  parts.host = authority.substr(0, authority.find(':'));
  return parts;
}

}  // namespace

// ---- AsnMatcher

void AsnMatcher::add(std::uint32_t asn, std::uint32_t target) {
  if (asns_.contains(asn)) return;
  asns_.emplace(asn, std::pair{target, "AS" + std::to_string(asn)});
}

std::optional<MatchHit> AsnMatcher::match(std::uint32_t asn) const {
  const auto it = asns_.find(asn);
  if (it == asns_.end()) return std::nullopt;
  return MatchHit{it->second.first, it->second.second, true};
}

// ---- AppMatcher

void AppMatcher::add(std::string_view app, std::uint32_t target) {
  if (app.empty() || app.size() > kMaxAppLength) return;
  std::string buf(app.size(), '\0');
  apps_.try_emplace(std::string(normalise_app(app, buf.data())), target);
}

std::optional<MatchHit> AppMatcher::match(std::string_view app) const {
  if (app.empty() || app.size() > kMaxAppLength) return std::nullopt;
  char buf[kMaxAppLength];
  const auto hit = apps_.find_entry(normalise_app(app, buf));
  if (hit.value == nullptr) return std::nullopt;
  return MatchHit{*hit.value, hit.key, true};
}

// ---- PackageMatcher

void PackageMatcher::add(std::string_view purl_pattern, std::uint32_t target) {
  if (purl_pattern.size() > kMaxPackageLength) return;
  std::string buf(purl_pattern.size(), '\0');
  const std::string_view key = normalise_purl(purl_pattern, buf.data());
  if (key.empty()) return;
  if (key.find('*') == std::string_view::npos) {
    exact_.try_emplace(std::string(key), target);
    return;
  }
  const auto same = [&](const auto& rule) { return rule.first == key; };
  const std::size_t last_slash = key.rfind('/');
  if (last_slash != std::string_view::npos && key.find('*') > last_slash) {
    auto& list = by_namespace_[std::string(key.substr(0, last_slash))];
    if (std::any_of(list.begin(), list.end(), same)) return;
    // INVARIANT: longest pattern first, as in wildcard_.
    const auto at = std::upper_bound(list.begin(), list.end(), key.size(),
                                     [](std::size_t size, const auto& rule) { return size > rule.first.size(); });
    list.emplace(at, std::string(key), target);
    return;
  }
  if (std::any_of(wildcard_.begin(), wildcard_.end(), same)) return;
  // INVARIANT: wildcard_ is longest pattern first, so the most literal pattern wins.
  const auto at = std::upper_bound(wildcard_.begin(), wildcard_.end(), key.size(),
                                   [](std::size_t size, const auto& rule) { return size > rule.first.size(); });
  wildcard_.emplace(at, std::string(key), target);
}

std::optional<MatchHit> PackageMatcher::match(std::string_view purl) const {
  if (purl.size() > kMaxPackageLength) return std::nullopt;
  char buf[kMaxPackageLength];
  const std::string_view key = normalise_purl(purl, buf);
  if (key.empty()) return std::nullopt;
  if (const auto hit = exact_.find_entry(key); hit.value != nullptr) return MatchHit{*hit.value, hit.key, true};
  if (const std::size_t last_slash = last_of(key, '/'); last_slash != std::string_view::npos) {
    if (const auto* list = by_namespace_.find(key.substr(0, last_slash)); list != nullptr) {
      // The namespace matched whole; only the name segment is left to glob.
      const std::string_view name = key.substr(last_slash + 1);
      for (const auto& [pattern, target] : *list) {
        if (glob_segment(std::string_view(pattern).substr(last_slash + 1), name))
          return MatchHit{target, pattern, false};
      }
    }
  }
  for (const auto& [pattern, target] : wildcard_) {
    // The literal text before the first '*' rules most patterns out with one compare.
    const std::size_t literal = pattern.find('*');
    if (key.size() < literal || key.compare(0, literal, pattern, 0, literal) != 0) continue;
    if (glob_path(pattern, key)) return MatchHit{target, pattern, false};
  }
  return std::nullopt;
}

// ---- ClassMatcher

void ClassMatcher::add(std::string_view prefix, std::uint32_t target) {
  if (prefix.size() > kMaxClassLength) return;
  std::string buf(prefix.size(), '\0');
  const bool suffix = prefix.starts_with("*.");
  if (suffix) prefix.remove_prefix(2);
  const std::string_view key = normalise_class(prefix, buf.data());
  if (key.empty()) return;
  if (suffix) {
    suffixes_.try_emplace(key, std::pair{target, "*." + std::string(key)});
    suffix_lengths_.set(key.size());
  } else {
    prefixes_.try_emplace(key, target);
    prefix_lengths_.set(key.size());
  }
}

std::optional<MatchHit> ClassMatcher::match(std::string_view class_name) const {
  if (class_name.size() > kMaxClassLength) return std::nullopt;
  char buf[kMaxClassLength];
  const std::string_view name = normalise_class(class_name, buf);
  if (name.empty()) return std::nullopt;
  if (prefix_lengths_[name.size()]) {
    if (const auto hit = prefixes_.find_entry(name); hit.value != nullptr) return MatchHit{*hit.value, hit.key, true};
  }
  // Only prefixes that end where a '.' begins: one probe per package level, longest first.
  for (std::size_t end = name.rfind('.'); end != std::string_view::npos && end > 0; end = name.rfind('.', end - 1)) {
    if (!prefix_lengths_[end]) continue;
    if (const auto hit = prefixes_.find_entry(name.substr(0, end)); hit.value != nullptr) {
      return MatchHit{*hit.value, hit.key, false};
    }
  }
  if (suffixes_.empty()) return std::nullopt;
  // Suffix rules: only suffixes that start right after a '.', longest first.
  for (std::size_t dot = name.find('.'); dot != std::string_view::npos; dot = name.find('.', dot + 1)) {
    if (!suffix_lengths_[name.size() - dot - 1]) continue;
    if (const auto* rule = suffixes_.find(name.substr(dot + 1)); rule != nullptr) {
      return MatchHit{rule->first, rule->second, false};
    }
  }
  return std::nullopt;
}

// ---- ExactMatcher

void ExactMatcher::add(std::string_view token, std::uint32_t target) {
  std::string key(token);
  if (case_ == Case::kInsensitive) {
    for (char& c : key) c = ascii_lower(c);
  }
  tokens_.try_emplace(key, target);
}

std::optional<MatchHit> ExactMatcher::match(std::string_view token) const {
  constexpr std::size_t kMaxToken = 256;
  if (token.empty() || token.size() > kMaxToken) return std::nullopt;
  char buf[kMaxToken];
  if (case_ == Case::kInsensitive) {
    ascii_lower_copy(token.data(), token.size(), buf);
    token = std::string_view(buf, token.size());
  }
  if (const auto hit = tokens_.find_entry(token); hit.value != nullptr) return MatchHit{*hit.value, hit.key, true};
  return std::nullopt;
}

// ---- UrlMatcher

void UrlMatcher::add(std::string_view url_prefix, std::uint32_t target) {
  const UrlParts parts = split_url(url_prefix);
  if (parts.host.empty()) return;
  std::string rule;
  rule.reserve(parts.host.size() + parts.rest.size());
  for (char c : parts.host) rule += ascii_lower(c);
  // "a.b/" and "a.b" both mean the whole site.
  if (parts.rest != "/") rule += parts.rest;
  const auto same = [&](const auto& r) { return r.first == rule; };
  if (std::any_of(rules_.begin(), rules_.end(), same)) return;
  // INVARIANT: rules_ is longest first, so the first rule to match is the most specific.
  const auto at = std::upper_bound(rules_.begin(), rules_.end(), rule.size(),
                                   [](std::size_t size, const auto& r) { return size > r.first.size(); });
  rules_.emplace(at, std::move(rule), target);
}

std::optional<MatchHit> UrlMatcher::match(std::string_view url) const {
  const UrlParts parts = split_url(url);
  if (parts.host.empty()) return std::nullopt;
  for (const auto& [rule, target] : rules_) {
    const std::string_view r = rule;
    const std::size_t host_end = std::min(r.find_first_of("/?#"), r.size());
    if (!iequals(r.substr(0, host_end), parts.host)) continue;
    const std::string_view path = r.substr(host_end);
    if (!parts.rest.starts_with(path)) continue;
    const bool whole = parts.rest.size() == path.size();
    const char next = whole ? '\0' : parts.rest[path.size()];
    if (whole || path.ends_with('/') || next == '/' || next == '?' || next == '#') {
      return MatchHit{target, rule, whole};
    }
  }
  return std::nullopt;
}

std::string_view UrlMatcher::host_of(std::string_view url) { return split_url(url).host; }

}  // namespace interdict
