#include "readers/common/line_source.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace interdict {

LineSource::LineSource(std::unique_ptr<ByteSource> input, std::string name)
    : input_(std::move(input)), name_(std::move(name)) {
  // A source over memory (no input) sizes its buffer to the text instead.
  if (input_) buffer_.resize(kBlockSize + kPadding);
}

LineSource::~LineSource() = default;

Result<std::unique_ptr<LineSource>> LineSource::open(const std::string& path) {
  auto input = ByteSource::open(path);
  if (!input) return input.error();
  return from_source(std::move(*input));
}

std::unique_ptr<LineSource> LineSource::from_source(std::unique_ptr<ByteSource> input) {
  std::string name = input->name();
  return std::unique_ptr<LineSource>(new LineSource(std::move(input), std::move(name)));
}

std::unique_ptr<LineSource> LineSource::from_string(std::string_view text) {
  std::unique_ptr<LineSource> source(new LineSource(nullptr, "<memory>"));
  source->buffer_.assign(text.begin(), text.end());
  source->buffer_.resize(text.size() + kPadding, '\0');
  source->end_ = text.size();
  source->eof_ = true;
  return source;
}

// Moves the unread tail to the front and reads more. Returns false when nothing was added.
bool LineSource::refill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    consumed_ += pos_;
    end_ -= pos_;
    pos_ = 0;
  }
  if (buffer_.size() - kPadding - end_ < kBlockSize / 2) buffer_.resize(buffer_.size() + kBlockSize);
  std::size_t room = buffer_.size() - kPadding - end_;
  auto n = input_->read(buffer_.data() + end_, room);
  if (!n) {
    error_ = std::move(n.error());
    eof_ = true;
    return false;
  }
  if (*n == 0) {
    eof_ = true;
    return false;
  }
  end_ += *n;
  std::memset(buffer_.data() + end_, 0, kPadding);
  return true;
}

bool LineSource::next(std::string_view& line) {
  std::size_t scan_from = pos_;
  for (;;) {
    const char* start = buffer_.data() + pos_;
    const void* nl = std::memchr(buffer_.data() + scan_from, '\n', end_ - scan_from);
    if (nl != nullptr) {
      const char* stop = static_cast<const char*>(nl);
      std::size_t len = static_cast<std::size_t>(stop - start);
      line_offset_ = consumed_ + pos_;
      pos_ += len + 1;
      if (len > 0 && start[len - 1] == '\r') --len;
      line = std::string_view(start, len);
      ++line_number_;
      return true;
    }
    std::size_t scanned = end_ - pos_;
    if (!refill()) {
      if (pos_ >= end_) return false;
      // The last line has no newline.
      std::size_t len = end_ - pos_;
      const char* begin = buffer_.data() + pos_;
      line_offset_ = consumed_ + pos_;
      pos_ = end_;
      if (len > 0 && begin[len - 1] == '\r') --len;
      line = std::string_view(begin, len);
      ++line_number_;
      return true;
    }
    scan_from = pos_ + scanned;
  }
}

Result<std::unique_ptr<ChunkSource>> ChunkSource::open(const std::string& path) {
  auto input = ByteSource::open(path);
  if (!input) return input.error();
  return from_source(std::move(*input));
}

std::unique_ptr<ChunkSource> ChunkSource::from_source(std::unique_ptr<ByteSource> input) {
  return std::unique_ptr<ChunkSource>(new ChunkSource(std::move(input)));
}

ChunkSource::~ChunkSource() = default;

bool ChunkSource::next(LineChunk& chunk) {
  std::vector<char>& b = chunk.bytes;
  // The carry may exceed this chunk: the previous chunk may have grown for a long line.
  b.resize(std::max({b.size(), kChunkSize + LineSource::kPadding, carry_.size() + LineSource::kPadding}));
  if (!carry_.empty()) std::memcpy(b.data(), carry_.data(), carry_.size());
  std::size_t size = carry_.size();
  carry_.clear();
  // Read until the chunk is full and holds at least one newline, or the input ends.
  while (!eof_) {
    if (b.size() - LineSource::kPadding - size < kChunkSize / 4) b.resize(b.size() * 2);
    auto n = input_->read(b.data() + size, b.size() - LineSource::kPadding - size);
    if (!n) {
      error_ = std::move(n.error());
      eof_ = true;
      break;
    }
    if (*n == 0) {
      eof_ = true;
      break;
    }
    size += *n;
    if (size >= kChunkSize && std::memchr(b.data(), '\n', size) != nullptr) break;
  }
  if (size == 0) return false;
  std::size_t cut = size;
  if (!eof_) {
    // Keep the unfinished last line for the next chunk.
    const char* last = static_cast<const char*>(memrchr(b.data(), '\n', size));
    cut = static_cast<std::size_t>(last - b.data()) + 1;
    carry_.assign(b.data() + cut, b.data() + size);
  }
  std::memset(b.data() + cut, 0, LineSource::kPadding);
  chunk.size = cut;
  chunk.first_line = next_line_;
  chunk.first_offset = offset_;
  // memchr from newline to newline: std::count goes a byte at a time at -O2, which was a
  // tenth of `check`'s instructions, on the thread every other waits for to read.
  const char* const end = b.data() + cut;
  for (const char* p = b.data();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr; ++p) {
    ++next_line_;
  }
  if (cut > 0 && b[cut - 1] != '\n') ++next_line_;
  offset_ += cut;
  return true;
}

}  // namespace interdict
