// Plist: dispatch between the two encodings, and lookups in the decoded tree.
#include "readers/ios/plist.h"

#include <cstring>

#include "readers/ios/byte_cursor.h"
#include "readers/ios/ios.h"

namespace interdict::ios {

Result<Plist> Plist::decode(std::span<const std::byte> bytes) {
  Plist out;
  const std::string_view text = as_text(bytes);
  Status decoded = text.starts_with("bplist00") ? decode_binary_plist(bytes, out) : decode_xml_plist(bytes, out);
  if (!decoded) return decoded.error();
  return out;
}

const PlistNode* Plist::find(const PlistNode& dict, std::string_view key) const {
  if (dict.type != PlistType::kDict) return nullptr;
  for (std::size_t i = 0; i + 1 < dict.items.size(); i += 2) {
    if (nodes_[dict.items[i]].text == key) return &nodes_[dict.items[i + 1]];
  }
  return nullptr;
}

std::string_view Plist::find_string(const PlistNode& dict, std::string_view key) const {
  const PlistNode* value = find(dict, key);
  if (value == nullptr || value->type != PlistType::kString) return {};
  return value->text;
}

}  // namespace interdict::ios

namespace interdict {

bool looks_like_plist(std::span<const std::byte> head) {
  std::string_view text = ios::as_text(head);
  if (text.starts_with("bplist00")) return true;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  text.remove_prefix(first);
  if (text.starts_with("<plist")) return true;
  if (!text.starts_with("<?xml") && !text.starts_with("<!DOCTYPE plist")) return false;
  // An XML declaration alone says nothing: the document type or root must name a plist.
  return text.substr(0, 512).find("plist") != std::string_view::npos;
}

}  // namespace interdict
