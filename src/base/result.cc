#include "base/result.h"

namespace interdict {

std::string Location::to_string() const {
  std::string out = file;
  if (line != 0) {
    out += ':' + std::to_string(line);
    if (column != 0) out += ':' + std::to_string(column);
  } else if (byte_offset) {
    out += "@" + std::to_string(*byte_offset);
  }
  return out;
}

Error& Error::with_context(std::string_view context) {
  if (context_.empty()) {
    context_ = std::string(context);
  } else {
    context_ = std::string(context) + ": " + context_;
  }
  return *this;
}

std::string Error::to_string() const {
  std::string out;
  if (!context_.empty()) out += context_ + ": ";
  if (!where_.empty()) out += where_.to_string() + ": ";
  out += message_;
  return out;
}

}  // namespace interdict
