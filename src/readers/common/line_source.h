// LineSource: the lines of a file or of standard input, read in large blocks, decompressed
// when the input is gzip, bzip2 or zstd (see ByteSource).
//
// One per input, not thread-safe. Memory is bounded by the block size and the longest
// line, whatever the input size. Every line handed out is followed by at least kPadding
// readable bytes inside the same buffer, so a SIMD parser may read past its end.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "readers/common/byte_source.h"

namespace interdict {

class LineSource {
 public:
  static constexpr std::size_t kPadding = 64;
  static constexpr std::size_t kBlockSize = std::size_t{1} << 22;

  // Opens `path`, or standard input for "-". Errors: kNotFound, kIo.
  [[nodiscard]] static Result<std::unique_ptr<LineSource>> open(const std::string& path);
  // Reads lines from memory (tests and fuzzing). The text is copied.
  [[nodiscard]] static std::unique_ptr<LineSource> from_string(std::string_view text);
  // Reads the lines of an input already opened (and perhaps peeked at).
  [[nodiscard]] static std::unique_ptr<LineSource> from_source(std::unique_ptr<ByteSource> input);

  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;
  ~LineSource();

  // The next line without its "\n" or "\r\n". Returns false at the end of input or on a
  // read error (then error() says which). The view is valid until the next call.
  [[nodiscard]] bool next(std::string_view& line);

  // 1-based number of the line last returned.
  [[nodiscard]] std::uint64_t line_number() const { return line_number_; }
  // Byte offset of the start of the line last returned.
  [[nodiscard]] std::uint64_t offset() const { return line_offset_; }
  [[nodiscard]] std::uint64_t bytes_read() const { return consumed_ + pos_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  // Set after next() returned false because a read failed.
  [[nodiscard]] const std::optional<Error>& error() const { return error_; }
  // The input underneath, for progress (null for from_string).
  [[nodiscard]] const ByteSource* input() const { return input_.get(); }

 private:
  LineSource(std::unique_ptr<ByteSource> input, std::string name);
  bool refill();

  std::unique_ptr<ByteSource> input_;
  std::string name_;
  std::vector<char> buffer_;  // data in [0, end_), padding after
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  std::uint64_t consumed_ = 0;  // bytes dropped from the front of buffer_ so far
  std::uint64_t line_number_ = 0;
  std::uint64_t line_offset_ = 0;
  std::optional<Error> error_;
};

// A block of whole lines, for handing work to threads. `bytes` holds `size` bytes of
// input followed by LineSource::kPadding zero bytes.
struct LineChunk {
  std::vector<char> bytes;
  std::size_t size = 0;
  std::uint64_t first_line = 1;    // number of the chunk's first line
  std::uint64_t first_offset = 0;  // byte offset of the chunk in the input

  // Calls fn(line, number) for each line, without "\n" or "\r\n"; the last line may lack
  // its newline. Every line view is followed by at least kPadding readable bytes.
  template <typename F>
  void for_each_line(F&& fn) const;
};

// Whole-line chunks of about kChunkSize bytes (longer when a single line is). One per
// input, not thread-safe; the chunks it fills may be handed to other threads.
class ChunkSource {
 public:
  static constexpr std::size_t kChunkSize = std::size_t{1} << 20;

  // Opens `path`, or standard input for "-". Errors: kNotFound, kIo.
  [[nodiscard]] static Result<std::unique_ptr<ChunkSource>> open(const std::string& path);
  // Reads the chunks of an input already opened (and perhaps peeked at).
  [[nodiscard]] static std::unique_ptr<ChunkSource> from_source(std::unique_ptr<ByteSource> input);
  ChunkSource(const ChunkSource&) = delete;
  ChunkSource& operator=(const ChunkSource&) = delete;
  ~ChunkSource();

  // Fills `chunk`, reusing its memory. Returns false at the end of input or on a read
  // error (then error() says which).
  [[nodiscard]] bool next(LineChunk& chunk);
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::optional<Error>& error() const { return error_; }
  // The input underneath, for progress.
  [[nodiscard]] const ByteSource& input() const { return *input_; }

 private:
  explicit ChunkSource(std::unique_ptr<ByteSource> input) : input_(std::move(input)), name_(input_->name()) {}

  std::unique_ptr<ByteSource> input_;
  std::string name_;
  std::vector<char> carry_;  // the start of a line cut by the previous read
  bool eof_ = false;
  std::uint64_t next_line_ = 1;
  std::uint64_t offset_ = 0;
  std::optional<Error> error_;
};

template <typename F>
void LineChunk::for_each_line(F&& fn) const {
  const char* p = bytes.data();
  const char* end = p + size;
  std::uint64_t number = first_line;
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* stop = nl != nullptr ? nl : end;
    std::size_t len = static_cast<std::size_t>(stop - p);
    if (len > 0 && p[len - 1] == '\r') --len;
    fn(std::string_view(p, len), number++);
    p = stop + 1;
  }
}

}  // namespace interdict
