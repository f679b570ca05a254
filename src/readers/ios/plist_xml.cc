// The XML property list decoder (Apple's PropertyList-1.0.dtd) over pugixml, which never
// throws here: load_buffer reports errors through its result.
#include <charconv>
#include <cstring>
#include <limits>
#include <pugixml.hpp>
#include <string>

#include "readers/ios/plist.h"

namespace interdict::ios {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

std::uint64_t offset_of(const pugi::xml_node& element) {
  const std::ptrdiff_t at = element.offset_debug();
  return at < 0 ? 0 : static_cast<std::uint64_t>(at);
}

std::string_view trimmed(const char* text) {
  std::string_view s(text);
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

class XmlDecoder {
 public:
  explicit XmlDecoder(Plist& out) : out_(out) {}

  // The node for one value element; kNone with `reason` when it is not a plist value.
  std::uint32_t decode(const pugi::xml_node& element, int depth, std::string& reason) {
    if (depth > Plist::kMaxDepth) {
      reason = "nested deeper than " + std::to_string(Plist::kMaxDepth);
      return kNone;
    }
    PlistNode node;
    node.offset = offset_of(element);
    const std::string_view name = element.name();
    if (name == "string") {
      node.type = PlistType::kString;
      node.text = element.text().get();
    } else if (name == "integer") {
      node.type = PlistType::kInteger;
      std::string_view digits = trimmed(element.text().get());
      const bool negative = !digits.empty() && digits.front() == '-';
      if (negative || (!digits.empty() && digits.front() == '+')) digits.remove_prefix(1);
      std::uint64_t magnitude = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
      if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
        reason = "integer `" + std::string(trimmed(element.text().get())) + "` is not a number";
        return kNone;
      }
      node.integer = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    } else if (name == "real") {
      node.type = PlistType::kReal;
      node.real = element.text().as_double();
    } else if (name == "true" || name == "false") {
      node.type = PlistType::kBool;
      node.boolean = name == "true";
    } else if (name == "date") {
      node.type = PlistType::kDate;
      node.text = trimmed(element.text().get());
    } else if (name == "data") {
      // Kept as its base64 text: nothing read from Info.plists needs the bytes.
      node.type = PlistType::kData;
      node.text = trimmed(element.text().get());
    } else if (name == "array") {
      node.type = PlistType::kArray;
      for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        std::string why;
        std::uint32_t item = decode(child, depth + 1, why);
        if (item == kNone) {
          out_.add_damage(offset_of(child), "array element: " + why);
          continue;
        }
        node.items.push_back(item);
      }
    } else if (name == "dict") {
      node.type = PlistType::kDict;
      decode_members(element, depth, node);
    } else {
      reason = "unknown element `" + std::string(name.substr(0, 32)) + "`";
      return kNone;
    }
    return out_.add(std::move(node));
  }

 private:
  // <key> and value elements alternate; a key without a value, or a value without a key,
  // is damage and is skipped.
  void decode_members(const pugi::xml_node& dict, int depth, PlistNode& node) {
    std::uint32_t key = kNone;
    for (pugi::xml_node child = dict.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      if (std::strcmp(child.name(), "key") == 0) {
        if (key != kNone) out_.add_damage(out_.node(key).offset, "dictionary key without a value");
        PlistNode k;
        k.type = PlistType::kString;
        k.offset = offset_of(child);
        k.text = child.text().get();
        key = out_.add(std::move(k));
        continue;
      }
      if (key == kNone) {
        out_.add_damage(offset_of(child), "dictionary value without a key");
        continue;
      }
      std::string why;
      std::uint32_t value = decode(child, depth + 1, why);
      if (value == kNone) {
        out_.add_damage(offset_of(child), "dictionary member `" + out_.node(key).text + "`: " + why);
      } else {
        node.items.push_back(key);
        node.items.push_back(value);
      }
      key = kNone;
    }
    if (key != kNone) out_.add_damage(out_.node(key).offset, "dictionary key without a value");
  }

  Plist& out_;
};

}  // namespace

Status decode_xml_plist(std::span<const std::byte> bytes, Plist& out) {
  pugi::xml_document doc;
  // Default parsing skips the DOCTYPE and processing instructions, and expands only the
  // predefined entities: no external entity is ever fetched.
  const pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default);
  Location where;
  if (!parsed) {
    where.byte_offset = static_cast<std::uint64_t>(parsed.offset < 0 ? 0 : parsed.offset);
    return Error(ErrorCategory::kParse, std::string("xml plist: ") + parsed.description(), where);
  }
  pugi::xml_node plist = doc.child("plist");
  pugi::xml_node value = plist.find_child([](const pugi::xml_node& n) { return n.type() == pugi::node_element; });
  if (!value) {
    where.byte_offset = offset_of(plist);
    return Error(ErrorCategory::kParse, "xml has no <plist> value", where);
  }
  std::string reason;
  XmlDecoder decoder(out);
  std::uint32_t root = decoder.decode(value, 0, reason);
  if (root == kNone) {
    where.byte_offset = offset_of(value);
    return Error(ErrorCategory::kParse, "xml plist root: " + reason, where);
  }
  out.set_root(root);
  return Ok{};
}

}  // namespace interdict::ios
