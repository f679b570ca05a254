// Internal to src/readers/hosting: a compiled nginx log_format plan (log_format_plan.cc)
// and the parser that reads lines by it (log_format.cc).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "readers/hosting/formats.h"

namespace interdict::log_format_detail {

// The variables kept; every other variable is kIgnored and stepped over.
enum class Field : std::uint8_t {
  kIgnored,
  kHost,
  kHttpHost,
  kServerName,
  kRemoteAddr,
  kForwardedFor,
  kTimeLocal,
  kTimeIso,
  kMsec,
  kRequest,
  kStatus,
  kCountry,
  kCount,
};

// A variable of the format and the literal text that follows it.
struct Item {
  Field field;
  std::string var;    // the variable's name, for messages
  std::string after;  // the literal after it; empty only for the last item
};

// The parser of a compiled plan: `lead` is the literal before the first variable;
// `lenient` allows any text after the fields it uses.
std::unique_ptr<HostLineParser> make_plan_parser(std::string name, std::string lead, std::vector<Item> items,
                                                 bool lenient);

}  // namespace interdict::log_format_detail
