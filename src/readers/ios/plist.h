// Plist: a property list (Apple's Info.plist and friends) decoded into a small tree, from
// either of its two encodings:
//   XML     the `<plist>` document type (Apple's PropertyList-1.0.dtd), read with pugixml
//           in its non-throwing mode;
//   binary  `bplist00` (CoreFoundation's CFBinaryPList.c layout), read by our own decoder:
//           grammar.md beside this header gives the records and every check made on them.
//
// The tree is a DAG in the binary encoding (an object referenced twice is decoded once and
// shared), so walking it visits each node through its parents; cycles are refused.
//
// Thread-safety: a decoded Plist is immutable; any number of threads may read it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace interdict::ios {

enum class PlistType : std::uint8_t { kNull, kBool, kInteger, kReal, kDate, kData, kString, kUid, kArray, kDict };

struct PlistNode {
  PlistType type = PlistType::kNull;
  std::uint64_t offset = 0;  // byte offset of the object (binary) or element (XML)
  std::string text;          // kString as UTF-8; kData's bytes; kDate as the XML gave it
  std::int64_t integer = 0;  // kInteger, kUid; kDate in the binary form (seconds since 2001)
  double real = 0;           // kReal
  bool boolean = false;      // kBool
  // kArray: the element nodes. kDict: key node then value node, pair after pair; keys are
  // kString nodes.
  std::vector<std::uint32_t> items;
};

// Something inside the list that could not be decoded and was left out (an element of an
// array, a member of a dictionary).
struct PlistDamage {
  std::uint64_t offset = 0;
  std::string reason;
};

class Plist {
 public:
  // Decodes `bytes`, binary when they start with "bplist00", XML otherwise.
  // Errors (kParse, with the byte offset): no plist at all, a damaged binary trailer or
  // offset table, a root object that cannot be decoded, XML that is not well-formed or has
  // no `<plist>` value. Damaged objects below the root are skipped and listed in damage().
  // Nesting deeper than kMaxDepth is damage, not a crash.
  [[nodiscard]] static Result<Plist> decode(std::span<const std::byte> bytes);

  static constexpr int kMaxDepth = 64;

  [[nodiscard]] const PlistNode& root() const { return nodes_[root_]; }
  [[nodiscard]] const PlistNode& node(std::uint32_t index) const { return nodes_[index]; }
  [[nodiscard]] const std::vector<PlistDamage>& damage() const { return damage_; }

  // The value of `key` in `dict`, or nullptr when `dict` is not a dictionary or has no such
  // key. The first of duplicate keys wins.
  [[nodiscard]] const PlistNode* find(const PlistNode& dict, std::string_view key) const;
  // The string value of `key` in `dict`, or "" when absent or not a string. Valid while the
  // Plist lives.
  [[nodiscard]] std::string_view find_string(const PlistNode& dict, std::string_view key) const;

  // Used by the decoders while building.
  std::uint32_t add(PlistNode node) {
    nodes_.push_back(std::move(node));
    return static_cast<std::uint32_t>(nodes_.size() - 1);
  }
  PlistNode& mutable_node(std::uint32_t index) { return nodes_[index]; }
  void add_damage(std::uint64_t offset, std::string reason) { damage_.push_back({offset, std::move(reason)}); }
  void set_root(std::uint32_t index) { root_ = index; }

 private:
  std::vector<PlistNode> nodes_;
  std::vector<PlistDamage> damage_;
  std::uint32_t root_ = 0;
};

// The two decoders behind Plist::decode, each filling an empty Plist.
[[nodiscard]] Status decode_binary_plist(std::span<const std::byte> bytes, Plist& out);
[[nodiscard]] Status decode_xml_plist(std::span<const std::byte> bytes, Plist& out);

}  // namespace interdict::ios
