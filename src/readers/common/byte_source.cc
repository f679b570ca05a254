#include "readers/common/byte_source.h"

#include <bzlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>
#include <vector>

#include "readers/common/byte_source_internal.h"

namespace interdict {

std::string_view compression_name(Compression c) {
  switch (c) {
    case Compression::kNone: return "none";
    case Compression::kGzip: return "gzip";
    case Compression::kBzip2: return "bzip2";
    case Compression::kZstd: return "zstd";
  }
  return "none";
}

Compression sniff_compression(std::string_view head) {
  auto starts = [&](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
  if (starts("\x1f\x8b")) return Compression::kGzip;
  // "BZh" then the block size digit, then the first block's or the end's magic.
  if (head.size() >= 4 && starts("BZh") && head[3] >= '1' && head[3] <= '9') return Compression::kBzip2;
  if (starts("\x28\xb5\x2f\xfd")) return Compression::kZstd;
  return Compression::kNone;
}

namespace byte_source_internal {

Error read_error(const std::string& name, int err, std::uint64_t offset) {
  return Error(ErrorCategory::kIo, std::string("read failed: ") + std::strerror(err), Location{name, 0, 0, offset});
}

Error damaged(const std::string& name, Compression c, std::string_view what, std::uint64_t offset) {
  return Error(ErrorCategory::kParse,
               std::string(compression_name(c)) + " data " + std::string(what) + " (compressed byte offset)",
               Location{name, 0, 0, offset});
}

}  // namespace byte_source_internal

namespace {

using namespace byte_source_internal;

// Uncompressed input: bytes pass through.
class PlainSource final : public ByteSource {
 public:
  PlainSource(std::string name, std::uint64_t size, std::unique_ptr<RawInput> raw)
      : ByteSource(std::move(name), Compression::kNone, size), raw_(std::move(raw)) {}

  Result<std::size_t> read_some(char* out, std::size_t size) override {
    if (raw_->available() == 0) {
      if (int err = raw_->refill()) return read_error(name(), err, raw_->offset());
    }
    std::size_t n = std::min(size, raw_->available());
    std::memcpy(out, raw_->data(), n);
    raw_->consume(n);
    return n;
  }
  [[nodiscard]] std::uint64_t raw_offset() const override { return raw_->offset(); }

 private:
  std::unique_ptr<RawInput> raw_;
};

// The shared loop of the three decoders: feed raw bytes, collect output, notice the end
// of one stream (another may follow, as in `cat a.gz b.gz`) and input that ends early.
class DecodingSource : public ByteSource {
 public:
  DecodingSource(std::string name, Compression c, std::uint64_t size, std::unique_ptr<RawInput> raw)
      : ByteSource(std::move(name), c, size), raw_(std::move(raw)) {}

  Result<std::size_t> read_some(char* out, std::size_t size) override {
    if (failure_) return *failure_;
    std::size_t produced = 0;
    while (produced == 0 && !done_) {
      if (raw_->available() == 0) {
        if (int err = raw_->refill()) return fail(read_error(name(), err, raw_->offset()), produced);
        if (raw_->eof()) {
          if (in_stream_)
            return fail(damaged(name(), compression(), "ends early: the file is truncated", raw_->offset()), produced);
          done_ = true;
          break;
        }
      }
      if (!in_stream_) {
        // Between streams: only another stream, or zero padding (tar and some writers
        // pad), may follow.
        const char* p = raw_->data();
        std::size_t n = raw_->available();
        std::size_t zeros = 0;
        while (zeros < n && p[zeros] == 0) ++zeros;
        raw_->consume(zeros);
        if (zeros == n) continue;
        if (!starts_like_stream(raw_->data(), raw_->available()) || !start_stream())
          return fail(damaged(name(), compression(), "followed by bytes that are not another stream", raw_->offset()),
                      produced);
        in_stream_ = true;
      }
      std::size_t used = 0;
      std::size_t made = 0;
      bool stream_end = false;
      if (!step(raw_->data(), raw_->available(), out + produced, size - produced, used, made, stream_end)) {
        return fail(damaged(name(), compression(), "is corrupt", raw_->offset() + used), produced);
      }
      raw_->consume(used);
      produced += made;
      if (stream_end) {
        in_stream_ = false;
        end_stream();
      }
    }
    return produced;
  }
  [[nodiscard]] std::uint64_t raw_offset() const override { return raw_->offset(); }

 protected:
  // Starts decoding a stream at the current input; false when the decoder cannot start.
  virtual bool start_stream() = 0;
  // Decodes from `in` into `out`; false when the data is corrupt.
  virtual bool step(const char* in, std::size_t in_size, char* out, std::size_t out_size, std::size_t& used,
                    std::size_t& made, bool& stream_end) = 0;
  virtual void end_stream() = 0;

 private:
  // The bytes decoded before the damage go out first; the error comes with the next call.
  Result<std::size_t> fail(Error error, std::size_t produced) {
    failure_ = std::move(error);
    if (produced > 0) return produced;
    return *failure_;
  }

  // Whether the bytes start with this compression's magic, as far as they go (a stream may
  // begin right at the end of a raw block).
  bool starts_like_stream(const char* p, std::size_t n) const {
    const std::string_view head(p, std::min<std::size_t>(n, 4));
    if (head.size() < 4) return true;
    return sniff_compression(head) == compression() ||
           (compression() == Compression::kZstd && (static_cast<unsigned char>(head[0]) & 0xf0) == 0x50 &&
            head.substr(1) == "\x2a\x4d\x18");  // a zstd skippable frame
  }

  std::unique_ptr<RawInput> raw_;
  bool in_stream_ = false;
  bool done_ = false;
  std::optional<Error> failure_;
};

class GzipSource final : public DecodingSource {
 public:
  using DecodingSource::DecodingSource;
  ~GzipSource() override {
    if (open_) inflateEnd(&z_);
  }

 protected:
  bool start_stream() override {
    z_ = z_stream{};
    open_ = inflateInit2(&z_, 15 + 16) == Z_OK;
    return open_;
  }
  bool step(const char* in, std::size_t in_size, char* out, std::size_t out_size, std::size_t& used, std::size_t& made,
            bool& stream_end) override {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
    z_.avail_in = static_cast<uInt>(std::min<std::size_t>(in_size, 1u << 30));
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(std::min<std::size_t>(out_size, 1u << 30));
    const uInt avail_in = z_.avail_in;
    const uInt avail_out = z_.avail_out;
    int rc = inflate(&z_, Z_NO_FLUSH);
    used = avail_in - z_.avail_in;
    made = avail_out - z_.avail_out;
    stream_end = rc == Z_STREAM_END;
    return rc == Z_OK || rc == Z_STREAM_END || (rc == Z_BUF_ERROR && (used > 0 || made > 0));
  }
  void end_stream() override {
    inflateEnd(&z_);
    open_ = false;
  }

 private:
  z_stream z_{};
  bool open_ = false;
};

class Bzip2Source final : public DecodingSource {
 public:
  using DecodingSource::DecodingSource;
  ~Bzip2Source() override {
    if (open_) BZ2_bzDecompressEnd(&bz_);
  }

 protected:
  bool start_stream() override {
    bz_ = bz_stream{};
    open_ = BZ2_bzDecompressInit(&bz_, 0, 0) == BZ_OK;
    return open_;
  }
  bool step(const char* in, std::size_t in_size, char* out, std::size_t out_size, std::size_t& used, std::size_t& made,
            bool& stream_end) override {
    bz_.next_in = const_cast<char*>(in);
    bz_.avail_in = static_cast<unsigned>(std::min<std::size_t>(in_size, 1u << 30));
    bz_.next_out = out;
    bz_.avail_out = static_cast<unsigned>(std::min<std::size_t>(out_size, 1u << 30));
    const unsigned avail_in = bz_.avail_in;
    const unsigned avail_out = bz_.avail_out;
    int rc = BZ2_bzDecompress(&bz_);
    used = avail_in - bz_.avail_in;
    made = avail_out - bz_.avail_out;
    stream_end = rc == BZ_STREAM_END;
    return rc == BZ_OK || rc == BZ_STREAM_END;
  }
  void end_stream() override {
    BZ2_bzDecompressEnd(&bz_);
    open_ = false;
  }

 private:
  bz_stream bz_{};
  bool open_ = false;
};

class ZstdSource final : public DecodingSource {
 public:
  ZstdSource(std::string name, std::uint64_t size, std::unique_ptr<RawInput> raw)
      : DecodingSource(std::move(name), Compression::kZstd, size, std::move(raw)), dctx_(ZSTD_createDCtx()) {}
  ~ZstdSource() override { ZSTD_freeDCtx(dctx_); }

 protected:
  bool start_stream() override { return ZSTD_isError(ZSTD_DCtx_reset(dctx_, ZSTD_reset_session_only)) == 0; }
  bool step(const char* in, std::size_t in_size, char* out, std::size_t out_size, std::size_t& used, std::size_t& made,
            bool& stream_end) override {
    ZSTD_inBuffer input{in, in_size, 0};
    ZSTD_outBuffer output{out, out_size, 0};
    std::size_t rc = ZSTD_decompressStream(dctx_, &output, &input);
    used = input.pos;
    made = output.pos;
    stream_end = rc == 0;  // a frame is complete
    return ZSTD_isError(rc) == 0;
  }
  void end_stream() override {}

 private:
  ZSTD_DCtx* dctx_;
};

std::unique_ptr<ByteSource> make_source(std::string name, std::uint64_t size, std::unique_ptr<RawInput> raw) {
  const Compression c = sniff_compression(std::string_view(raw->data(), raw->available()));
  switch (c) {
    case Compression::kGzip: return std::make_unique<GzipSource>(std::move(name), c, size, std::move(raw));
    case Compression::kBzip2:
      if (std::thread::hardware_concurrency() > 1) return make_parallel_bzip2(std::move(name), size, std::move(raw));
      return std::make_unique<Bzip2Source>(std::move(name), c, size, std::move(raw));
    case Compression::kZstd: return std::make_unique<ZstdSource>(std::move(name), size, std::move(raw));
    case Compression::kNone: break;
  }
  return std::make_unique<PlainSource>(std::move(name), size, std::move(raw));
}

}  // namespace

Result<std::size_t> ByteSource::read(char* out, std::size_t size) {
  if (peeked_pos_ < peeked_.size()) {
    const std::size_t n = std::min(size, peeked_.size() - peeked_pos_);
    std::memcpy(out, peeked_.data() + peeked_pos_, n);
    peeked_pos_ += n;
    if (peeked_pos_ == peeked_.size()) {
      peeked_.clear();
      peeked_.shrink_to_fit();
      peeked_pos_ = 0;
    }
    return n;
  }
  return read_some(out, size);
}

Result<std::string_view> ByteSource::peek(std::size_t size) {
  while (peeked_.size() < size) {
    const std::size_t have = peeked_.size();
    peeked_.resize(size);
    auto n = read_some(peeked_.data() + have, size - have);
    if (!n) {
      peeked_.resize(have);
      return n.error();
    }
    peeked_.resize(have + *n);
    if (*n == 0) break;
  }
  return std::string_view(peeked_).substr(0, size);
}

Result<std::unique_ptr<ByteSource>> ByteSource::open(const std::string& path) {
  int fd = 0;
  std::string name = "<stdin>";
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      int err = errno;
      return Error(err == ENOENT ? ErrorCategory::kNotFound : ErrorCategory::kIo,
                   "cannot open `" + path + "`: " + std::strerror(err));
    }
    name = path;
  }
  std::uint64_t size = 0;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = static_cast<std::uint64_t>(st.st_size);
  if (path != "-" && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Error(ErrorCategory::kIo, "cannot read `" + path + "`: it is a folder");
  }
  auto raw = std::make_unique<RawInput>(fd, path != "-");
  if (int err = raw->fill_head(4)) return read_error(name, err, 0);
  return make_source(std::move(name), size, std::move(raw));
}

std::unique_ptr<ByteSource> ByteSource::from_string(std::string_view data, std::string name) {
  return make_source(std::move(name), data.size(), std::make_unique<RawInput>(data));
}

}  // namespace interdict
