// ZipArchive: the entries of a zip file (APK, AAB, XAPK, IPA, JAR) read from its bytes in
// memory, usually a mapped file, with limits against zip bombs and hostile names.
//
// Format: PKWARE APPNOTE.TXT 6.3.x. The central directory is the truth: open() finds the
// end of central directory record (ZIP64 too), walks the directory, and read() goes through
// each entry's local header to its data. Methods 0 (stored) and 8 (deflate); others, and
// encrypted entries, are listed but not read. grammar.md beside this header gives the
// records and the checks made on them.
//
// Thread-safety: open() builds the archive; afterwards every const function may be called
// from any number of threads at once (read() writes only to the caller's scratch buffer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace interdict {

// Limits checked before any byte is inflated, and again while inflating. Defaults suit app
// archives of a few GB; reaching one is a kCapacity error for that entry, not the archive.
struct ZipLimits {
  std::uint64_t max_entries = 2'000'000;
  std::uint64_t max_entry_size = std::uint64_t{4} << 30;  // uncompressed bytes of one entry
  // An entry that claims to expand more than this many times its compressed size is refused
  // (a deflate stream can reach about 1032:1; zip bombs rely on it). Tiny entries are exempt.
  std::uint64_t max_ratio = 1100;
};

struct ZipEntry {
  std::string_view name;  // as stored, a view into the archive's bytes
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;  // uncompressed, as the central directory says
  std::uint64_t local_header_offset = 0;
  std::uint64_t directory_offset = 0;  // where its central directory record starts
  std::uint32_t crc32 = 0;
  std::uint16_t method = 0;  // 0 stored, 8 deflate
  bool encrypted = false;
  // The name is absolute, has a ".." segment, a backslash or a NUL: a path-traversal
  // attempt when extracted. Such entries are still readable; callers must not use the name
  // as a path.
  bool unsafe_name = false;
  [[nodiscard]] bool is_directory() const { return !name.empty() && name.back() == '/'; }
};

class ZipArchive {
 public:
  // Reads the central directory of `bytes`, which must outlive the archive. `file` names
  // the archive in errors.
  // Errors: kParse when there is no end of central directory record or the directory lies
  // outside the file (nothing can be listed); kCapacity when it lists more entries than the
  // limit allows. A damaged directory record ends the listing there: the entries before it
  // are kept and the damage is in damage().
  [[nodiscard]] static Result<ZipArchive> open(std::span<const std::byte> bytes, std::string_view file,
                                               const ZipLimits& limits = {});

  [[nodiscard]] const std::vector<ZipEntry>& entries() const { return entries_; }
  // Problems found while listing (each with the byte offset), in file order.
  [[nodiscard]] const std::vector<Error>& damage() const { return damage_; }

  // The entry's uncompressed bytes: a view into the archive for a stored entry, or into
  // `scratch` (resized as needed) for a deflated one. Valid until `scratch` changes or the
  // archive's bytes go away.
  // Errors, each naming the entry and the byte offset: kParse for a bad local header, a
  // data range outside the file, a corrupt deflate stream, a size or CRC-32 that differs
  // from the directory's; kCapacity for an entry past ZipLimits; kInvalidArgument for an
  // encrypted entry or an unsupported method.
  [[nodiscard]] Result<std::span<const std::byte>> read(const ZipEntry& entry, std::vector<std::byte>& scratch) const;

  [[nodiscard]] std::string_view file() const { return file_; }

 private:
  ZipArchive() = default;
  std::span<const std::byte> bytes_;
  std::string file_;
  ZipLimits limits_;
  std::vector<ZipEntry> entries_;
  std::vector<Error> damage_;
};

// True when `head` starts like a zip file (a local file header, or an empty archive's end
// record). Self-extracting archives with a stub in front are not recognised.
[[nodiscard]] bool looks_like_zip(std::span<const std::byte> head);

}  // namespace interdict
