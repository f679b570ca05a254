// ByteSource: the bytes of a file or of standard input, decompressed when they are gzip,
// bzip2 or zstd (recognised by their magic bytes, not by the file name).
//
// Every reader reads through one, so any evidence may arrive compressed. One per input,
// not thread-safe. Concatenated gzip members and bzip2 or zstd streams are read as one
// input, as gzip -dc, bzcat and zstdcat do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace interdict {

enum class Compression : std::uint8_t { kNone, kGzip, kBzip2, kZstd };
[[nodiscard]] std::string_view compression_name(Compression c);
// The compression whose magic bytes `head` starts with; kNone when none does.
[[nodiscard]] Compression sniff_compression(std::string_view head);

class ByteSource {
 public:
  // Opens `path`, or standard input for "-". Errors: kNotFound, kIo.
  [[nodiscard]] static Result<std::unique_ptr<ByteSource>> open(const std::string& path);
  // Reads from a copy of `data` (tests and fuzzing); decompressed like a file.
  [[nodiscard]] static std::unique_ptr<ByteSource> from_string(std::string_view data, std::string name = "<memory>");

  virtual ~ByteSource() = default;

  // Fills up to `size` bytes of `out` with the next decompressed bytes. Returns the count,
  // 0 at the end of input; an error (kIo, or kParse for damaged compressed data, naming
  // the file and the compressed byte offset) when the input cannot be read further. The
  // bytes decoded before damage are returned first; the error comes with the next call.
  [[nodiscard]] Result<std::size_t> read(char* out, std::size_t size);

  // The first `size` decompressed bytes (fewer when the input is shorter), without
  // consuming them: readers are chosen by content. Call before the first read().
  [[nodiscard]] Result<std::string_view> peek(std::size_t size);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] Compression compression() const { return compression_; }
  // Bytes consumed from the file itself (compressed), for progress.
  [[nodiscard]] virtual std::uint64_t raw_offset() const = 0;
  // The file's size when known (a regular file), else 0.
  [[nodiscard]] std::uint64_t raw_size() const { return raw_size_; }

 protected:
  [[nodiscard]] virtual Result<std::size_t> read_some(char* out, std::size_t size) = 0;

  ByteSource(std::string name, Compression compression, std::uint64_t raw_size)
      : name_(std::move(name)), compression_(compression), raw_size_(raw_size) {}

 private:
  std::string name_;
  Compression compression_;
  std::uint64_t raw_size_;
  std::string peeked_;  // decoded by peek(), not yet read
  std::size_t peeked_pos_ = 0;
};

}  // namespace interdict
