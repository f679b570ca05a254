// Result<T>: the value of a boundary call, or the Error that stopped it.
//
// It has the surface of C++23's std::expected, so moving to it is a rename. An Error
// carries a category (callers test it, never a message), a lowercase message, a chain of
// context added on the way up, and where in the input it happened.
//
// Thread-safety: value types; no shared state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace interdict {

enum class ErrorCategory : std::uint8_t {
  kInvalidArgument,  // the caller's request is malformed (usage)
  kParse,            // input bytes or text do not follow their format
  kValidation,       // well-formed input that breaks a rule of the model
  kNotFound,         // a named file, zone or id does not exist
  kIo,               // the operating system refused a read or write
  kCapacity,         // a configured limit was reached
};

// Where an error happened. `line`/`column` are 1-based and 0 when unknown; `byte_offset`
// is used for binary inputs.
struct Location {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::optional<std::uint64_t> byte_offset;

  [[nodiscard]] bool empty() const { return file.empty() && line == 0 && !byte_offset; }
  // "file:line:col", "file:line", "file@offset" or "".
  [[nodiscard]] std::string to_string() const;
};

class Error {
 public:
  Error(ErrorCategory category, std::string message, Location where = {})
      : category_(category), message_(std::move(message)), where_(std::move(where)) {}

  [[nodiscard]] ErrorCategory category() const { return category_; }
  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] const Location& where() const { return where_; }

  // Prefixes context, as in "loading orders: us.toml:3:1: unknown key `titel`".
  Error& with_context(std::string_view context);

  // The message with location and context, in the house style (lowercase, colons).
  [[nodiscard]] std::string to_string() const;

 private:
  ErrorCategory category_;
  std::string message_;
  Location where_;
  std::string context_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  [[nodiscard]] bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // REQUIRES: has_value().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !has_value().
  const Error& error() const& { return std::get<1>(state_); }
  Error& error() & { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success or an Error.
struct Ok {};
using Status = Result<Ok>;

}  // namespace interdict
