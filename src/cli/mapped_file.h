// MappedFile: a regular file mapped read-only, unmapped and closed when it goes; and
// InputBytes: an input read whole, mapped when it can be. Scans read large inputs in place
// from the page cache instead of copying them out with read(2).
#pragma once

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>

#include "base/result.h"
#include "readers/common/byte_source.h"

namespace interdict::cli {

class MappedFile {
 public:
  // data() is null when `path` cannot be opened, is not a regular file, is empty or cannot
  // be mapped; callers then fall back to reading it.
  explicit MappedFile(const std::string& path, int advice = MADV_SEQUENTIAL) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return;
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) return;
    size_ = static_cast<std::size_t>(st.st_size);
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (p == MAP_FAILED) {
      size_ = 0;
      return;
    }
    data_ = static_cast<const char*>(p);
    ::madvise(p, size_, advice);
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
    if (fd_ >= 0) ::close(fd_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  [[nodiscard]] const char* data() const { return data_; }
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  int fd_ = -1;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// A compressed input read whole (an SBOM, a payment file) is inflated into memory; past
// this size it is refused.
constexpr std::uint64_t kMaxInflated = std::uint64_t{4} << 30;

// An input read whole: a mapping of the file, or its decompressed contents for a
// compressed file or standard input. One per input, not thread-safe.
class InputBytes {
 public:
  explicit InputBytes(const std::string& path) : map_(path == "-" ? std::string() : path, MADV_NORMAL) {}

  // True when load() gives the mapping rather than a copy.
  [[nodiscard]] bool mapped() const { return copy_.empty() && map_.data() != nullptr; }

  // Errors: those of ByteSource (kNotFound, kIo, kParse), kCapacity past kMaxInflated.
  [[nodiscard]] Result<std::span<const std::byte>> load(const std::string& path) {
    if (map_.data() != nullptr && sniff_compression(std::string_view(
                                      map_.data(), std::min<std::size_t>(map_.size(), 16))) == Compression::kNone) {
      return std::span<const std::byte>(reinterpret_cast<const std::byte*>(map_.data()), map_.size());
    }
    auto source = ByteSource::open(path);
    if (!source) return source.error();
    char buffer[1 << 16];
    for (;;) {
      auto n = (*source)->read(buffer, sizeof buffer);
      if (!n) return n.error();
      if (*n == 0) break;
      if (copy_.size() + *n > kMaxInflated) {
        return Error(ErrorCategory::kCapacity, "inflates past " + std::to_string(kMaxInflated >> 30) + " GB",
                     Location{path, 0, 0, copy_.size()});
      }
      copy_.append(buffer, *n);
    }
    return std::span<const std::byte>(reinterpret_cast<const std::byte*>(copy_.data()), copy_.size());
  }

 private:
  MappedFile map_;
  std::string copy_;
};

}  // namespace interdict::cli
