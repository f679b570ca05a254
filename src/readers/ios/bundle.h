// What the IPA reader needs from a bundle's Info.plist besides the items it emits.
//
// Thread-safety: free functions without state.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "readers/code/code_item.h"

namespace interdict::ios {

struct BundleInfo {
  std::string identifier;  // CFBundleIdentifier
  std::string version;     // CFBundleShortVersionString, else CFBundleVersion
  std::string executable;  // CFBundleExecutable
};

// Decodes an Info.plist and emits its URL schemes, and its bundle id as kApp with
// `self_role` unless that is empty. Fills `info` when not null. Returns false after one
// damage naming `path`, fatal when `fatal` says so (a lone plist, not one in an archive),
// when the plist cannot be decoded; member damage is local.
bool emit_info_plist(std::span<const std::byte> bytes, std::string_view path, std::string_view self_role,
                     CodeSink& sink, BundleInfo* info, bool fatal);

}  // namespace interdict::ios
