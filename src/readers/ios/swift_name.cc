// The old (Swift 3 and later runtime) mangling the Objective-C runtime keeps for class names:
//   name    := "_Tt" "C"+ module identifier+   (one identifier per "C")
//   module  := "s" | identifier
//   identifier := length(decimal, no leading zero) characters
#include "readers/ios/swift_name.h"

#include <cstddef>

namespace interdict::ios {
namespace {

bool read_identifier(std::string_view& in, std::string_view& out) {
  if (in.empty() || in.front() < '1' || in.front() > '9') return false;
  std::size_t length = 0;
  std::size_t i = 0;
  while (i < in.size() && in[i] >= '0' && in[i] <= '9') {
    length = length * 10 + static_cast<std::size_t>(in[i] - '0');
    if (length > in.size()) return false;
    ++i;
  }
  if (length > in.size() - i) return false;
  out = in.substr(i, length);
  in.remove_prefix(i + length);
  return true;
}

}  // namespace

bool demangle_swift_class(std::string_view mangled, std::string& out, std::string_view& module) {
  if (!mangled.starts_with("_Tt")) return false;
  std::string_view in = mangled.substr(3);
  std::size_t levels = 0;
  while (!in.empty() && in.front() == 'C') {
    ++levels;
    in.remove_prefix(1);
  }
  if (levels == 0) return false;
  std::string_view mod;
  if (!in.empty() && in.front() == 's') {
    mod = "Swift";
    in.remove_prefix(1);
  } else if (!read_identifier(in, mod)) {
    return false;
  }
  std::string result(mod);
  for (std::size_t level = 0; level < levels; ++level) {
    std::string_view part;
    if (!read_identifier(in, part)) return false;
    result += '.';
    result += part;
  }
  if (!in.empty()) return false;
  out = std::move(result);
  module = mod;
  return true;
}

}  // namespace interdict::ios
