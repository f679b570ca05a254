// Internal to src/order: typed, located reads of one TOML table, and the helpers the
// loader shares. A TableReader remembers which keys were asked for, so finish() can name
// every key nobody asked for as unknown: the order language has no silent extras.
//
// Not thread-safe; one per table being read.
#pragma once

#include <toml++/toml.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "order/order.h"

namespace interdict {

// " (did you mean `x`?)" for the closest candidate within a small edit distance, else "".
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

// Why `value` is not a well-formed identifier of `kind`, or "" when it is.
[[nodiscard]] std::string check_identifier(IdentifierKind kind, std::string_view value);
// The form two identifiers are compared in to find duplicates.
[[nodiscard]] std::string fold_identifier(IdentifierKind kind, std::string_view value);

// A place toml++ 3.3.0 must not be shown: it classifies some code points through a table
// that ends in __builtin_unreachable() (undefined behaviour; fixed upstream after 3.3.0).
struct UnsafeCodePoint {
  std::size_t offset;
  std::string message;
};
// The first such place in an order file's text, if any (toml_guard.cc).
[[nodiscard]] std::optional<UnsafeCodePoint> find_unsafe_code_point(std::string_view text);
// 1-based line and column (in code points) of `offset`, as toml++ counts them.
[[nodiscard]] Location location_of(const std::string& file, std::string_view text, std::size_t offset);

class TableReader {
 public:
  TableReader(const toml::table& table, std::string file, LoadReport& report)
      : table_(table), file_(std::move(file)), report_(report) {}

  [[nodiscard]] Location where() const { return locate(table_); }
  [[nodiscard]] Location where(const char* key) const;

  std::string string(const char* key, bool required);
  std::vector<std::string> string_list(const char* key, bool required);
  std::vector<std::string> string_or_list(const char* key, bool required);
  std::vector<std::pair<std::string, Location>> string_list_located(const char* key, bool required = false);
  std::vector<std::pair<std::int64_t, Location>> integer_list_located(const char* key);
  std::optional<double> number(const char* key);
  // A time with its zone, and its text as written.
  std::optional<std::pair<Instant, std::string>> time(const char* key, bool required);
  const toml::table* table(const char* key);
  void for_each_table(const char* key, const std::function<void(const toml::table&)>& fn);

  void error_at(const char* key, std::string message);
  // Reports every key that was never asked for.
  void finish();

 private:
  [[nodiscard]] Location locate(const toml::node& node) const;
  const toml::node* get(const char* key, bool required);
  void type_error(const char* key, const toml::node& node, const char* expected);

  const toml::table& table_;
  std::string file_;
  LoadReport& report_;
  std::set<std::string, std::less<>> asked_;
};

}  // namespace interdict
