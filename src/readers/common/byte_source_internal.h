// Internals of ByteSource shared by its decoders: the raw input and the error texts.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "readers/common/byte_source.h"

namespace interdict::byte_source_internal {

constexpr std::size_t kRawBlock = std::size_t{1} << 20;

// Where compressed bytes come from: a file descriptor or a copy of memory.
class RawInput {
 public:
  RawInput(int fd, bool owns) : fd_(fd), owns_(owns) { buffer_.resize(kRawBlock); }
  explicit RawInput(std::string_view data) : fd_(-1), owns_(false), buffer_(data.begin(), data.end()) {
    end_ = buffer_.size();
    eof_ = true;
  }
  ~RawInput() {
    if (owns_ && fd_ >= 0) ::close(fd_);
  }
  RawInput(const RawInput&) = delete;
  RawInput& operator=(const RawInput&) = delete;

  // The unread raw bytes; refill() when empty.
  [[nodiscard]] const char* data() const { return buffer_.data() + pos_; }
  [[nodiscard]] std::size_t available() const { return end_ - pos_; }
  void consume(std::size_t n) { pos_ += n; }
  [[nodiscard]] bool eof() const { return eof_ && pos_ == end_; }
  // Bytes of the file consumed so far.
  [[nodiscard]] std::uint64_t offset() const { return dropped_ + pos_; }

  // Reads more when all is consumed. Returns an errno value on failure, 0 otherwise.
  int refill() {
    if (eof_ || pos_ < end_) return 0;
    dropped_ += end_;
    pos_ = end_ = 0;
    for (;;) {
      ssize_t n = ::read(fd_, buffer_.data(), buffer_.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return errno;
      if (n == 0) eof_ = true;
      end_ = static_cast<std::size_t>(n);
      return 0;
    }
  }

  // Reads until at least `want` bytes are buffered or the input ends (for sniffing).
  int fill_head(std::size_t want) {
    while (!eof_ && end_ < want) {
      ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return errno;
      if (n == 0) eof_ = true;
      end_ += static_cast<std::size_t>(n);
    }
    return 0;
  }

 private:
  int fd_;
  bool owns_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  std::uint64_t dropped_ = 0;
};

Error read_error(const std::string& name, int err, std::uint64_t offset);
Error damaged(const std::string& name, Compression c, std::string_view what, std::uint64_t offset);

// bzip2 decoded a block per core: blocks are independent, so a file's blocks are found by
// their magic bits and decompressed in parallel, their output delivered in order. Null
// when the machine has one core.
std::unique_ptr<ByteSource> make_parallel_bzip2(std::string name, std::uint64_t size, std::unique_ptr<RawInput> raw);

}  // namespace interdict::byte_source_internal
