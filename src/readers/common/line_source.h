// LineSource: the lines of a file or of standard input, read in large blocks.
//
// One per input, not thread-safe. Memory is bounded by the block size and the longest
// line, whatever the input size. Every line handed out is followed by at least kPadding
// readable bytes inside the same buffer, so a SIMD parser may read past its end.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace interdict {

class LineSource {
 public:
  static constexpr std::size_t kPadding = 64;
  static constexpr std::size_t kBlockSize = std::size_t{1} << 22;

  // Opens `path`, or standard input for "-". Errors: kNotFound, kIo.
  [[nodiscard]] static Result<std::unique_ptr<LineSource>> open(const std::string& path);
  // Reads lines from memory (tests and fuzzing). The text is copied.
  [[nodiscard]] static std::unique_ptr<LineSource> from_string(std::string_view text);

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

 private:
  LineSource(int fd, bool owns_fd, std::string name);
  bool refill();

  int fd_;
  bool owns_fd_;
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

}  // namespace interdict
