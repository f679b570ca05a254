// Internal to src/readers/store: what the reader's CSV columns and JSON keys hold, and the
// small text helpers of its CSV (store_reader.cc) and JSON Lines (store_json.cc) readers.
#pragma once

#include <string_view>
#include <utility>

#include "base/ascii.h"

namespace interdict::store_detail {

// What a CSV column or a JSON key holds.
enum Role : int { kIgnored = -1, kId, kTitle, kSeller, kStorefronts, kType, kTime, kClient, kStore };

// The names of each role, normalised (lower case, without `_`, `-` and spaces), each
// between spaces.
constexpr std::pair<Role, std::string_view> kRoleKeys[] = {
    {kId, " appid package packagename bundleid bundle storeid trackid id app appstoreid adamid "},
    {kTitle, " title name appname trackname "},
    {kSeller, " seller developer publisher sellername artistname "},
    {kStorefronts, " storefronts storefront countries country markets "},
    {kType, " type "},
    {kTime, " time timestamp "},
    {kClient, " client "},
    {kStore, " store "},
};

constexpr std::string_view kIdColumns = "app_id, package, bundle_id, store_id, track_id or id";

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

inline bool is_blank_line(std::string_view s) { return trim(s).empty(); }

inline std::string_view strip_bom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

// The role of a column or key, named in any case and with or without `_`, `-` and spaces.
inline Role role_of(std::string_view key) {
  char buf[24];
  std::size_t n = 0;
  buf[n++] = ' ';
  for (char c : trim(key)) {
    if (c == '_' || c == '-' || c == ' ') continue;
    if (n == sizeof buf - 1) return kIgnored;
    buf[n++] = ascii_lower(c);
  }
  if (n == 1) return kIgnored;
  buf[n++] = ' ';
  const std::string_view word(buf, n);
  for (const auto& [role, names] : kRoleKeys) {
    if (names.find(word) != std::string_view::npos) return role;
  }
  return kIgnored;
}

// Whether `text` lowercased (ASCII) is `lower`.
inline bool equals_lower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(text[i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace interdict::store_detail
