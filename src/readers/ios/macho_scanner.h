// MachoScanner: reads one Mach-O file, thin or universal, and emits its class names and
// linked frameworks (ios.h says what); split over macho.cc (the file, slices and the load
// command walk) and macho_commands.cc (what each command holds).
//
// Thread-safety: one scanner per file; it only views the bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "readers/code/code_item.h"

namespace interdict::ios {

// True when `offset` + `size` lies within `limit`, without overflow.
[[nodiscard]] inline bool within(std::uint64_t offset, std::uint64_t size, std::uint64_t limit) {
  return offset <= limit && size <= limit - offset;
}

class MachoScanner {
 public:
  MachoScanner(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink)
      : bytes_(bytes), path_(path), sink_(sink) {}
  MachoScanner(const MachoScanner&) = delete;
  MachoScanner& operator=(const MachoScanner&) = delete;

  void run();

 private:
  struct Command {
    std::span<const std::byte> slice;
    std::uint64_t base;               // slice offset in the file
    std::span<const std::byte> body;  // the whole command, cmd and cmdsize included
    std::uint64_t at;                 // command offset in the file
    bool big_endian;
    bool wide;
  };

  void damage(std::uint64_t offset, std::string reason, bool fatal = false);
  void emit(CodeKind kind, std::string_view value, std::string_view component, std::string_view role,
            std::uint64_t offset);
  // Each emits a name only the first time this scanner sees it.
  void emit_class(std::string_view name, std::string_view role, std::uint64_t offset);
  void emit_framework(std::string_view name, std::string_view component, std::string_view role, std::uint64_t offset);
  void scan_fat(bool wide);
  // Reads one thin Mach-O at `base` in the file. False when it has no valid header.
  bool scan_slice(std::span<const std::byte> slice, std::uint64_t base);
  void read_command(std::uint32_t cmd, const Command& command);
  void read_segment(const Command& command, bool wide);
  // App Store binaries are encrypted (FairPlay) over part of __TEXT: names read there would
  // be noise.
  void read_encryption(const Command& command);
  void read_class_names(std::span<const std::byte> section, std::uint64_t at);
  void read_dylib(const Command& command);
  // Objective-C class symbols: defined ones are classes of this image, undefined ones are
  // classes it imports from a framework.
  void read_symtab(const Command& command);

  std::span<const std::byte> bytes_;
  std::string_view path_;
  CodeSink& sink_;
  // Names already emitted (raw class names, framework and module names), as views into the
  // file's bytes: slices of a universal binary repeat their names.
  std::unordered_set<std::string_view> seen_classes_;
  std::unordered_set<std::string_view> seen_frameworks_;
  // Per slice: the __objc_classname sections (offset and size in the slice) and the
  // encrypted range, if any.
  static constexpr std::size_t kMaxClassSections = 64;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> class_sections_;
  std::uint64_t crypt_offset_ = 0;
  std::uint64_t crypt_size_ = 0;
  std::uint32_t crypt_id_ = 0;
};

}  // namespace interdict::ios
