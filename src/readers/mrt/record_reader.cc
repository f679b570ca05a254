// MrtReader: record framing over a ByteSource.
#include <algorithm>
#include <cstring>

#include "readers/mrt/mrt.h"

namespace interdict::mrt {
namespace {

constexpr std::size_t kBlock = std::size_t{1} << 20;

std::uint32_t load32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}
std::uint16_t load16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] << 8 | p[1]); }

}  // namespace

bool sniff_mrt(std::string_view head) {
  if (head.size() < MrtReader::kHeaderSize) return false;
  const auto* p = reinterpret_cast<const std::uint8_t*>(head.data());
  const std::uint16_t type = load16(p + 4);
  const std::uint16_t subtype = load16(p + 6);
  const std::uint32_t length = load32(p + 8);
  if (length > MrtReader::kMaxRecord) return false;
  switch (type) {
    case kTableDump: return subtype >= 1 && subtype <= 4;
    case kTableDumpV2: return subtype >= kPeerIndexTable && subtype <= kRibGenericAddPath;
    case kBgp4mp:
    case kBgp4mpEt: return subtype <= kMessageAs4LocalAddPath;
    default: return false;
  }
}

Result<std::unique_ptr<MrtReader>> MrtReader::open(const std::string& path) {
  auto input = ByteSource::open(path);
  if (!input) return input.error();
  return from_source(std::move(*input));
}

std::unique_ptr<MrtReader> MrtReader::from_source(std::unique_ptr<ByteSource> input) {
  return std::unique_ptr<MrtReader>(new MrtReader(std::move(input)));
}

MrtReader::MrtReader(std::unique_ptr<ByteSource> input) : input_(std::move(input)) {
  // A small uncompressed input needs no more than its size; ensure() grows the buffer.
  const std::uint64_t size = input_->raw_size();
  buffer_.resize(input_->compression() == Compression::kNone && size > 0 && size < kBlock
                     ? static_cast<std::size_t>(size) + kHeaderSize
                     : kBlock);
}

bool MrtReader::ensure(std::size_t want) {
  while (end_ - pos_ < want) {
    if (eof_) return false;
    if (pos_ > 0) {
      // Move the unread tail to the front; records are small next to the buffer.
      std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
      consumed_ += pos_;
      end_ -= pos_;
      pos_ = 0;
    }
    // Grow by doubling while bytes keep coming, so that a damaged length field on a short
    // input costs no more memory than the input.
    if (end_ == buffer_.size()) buffer_.resize(std::min(want, std::max(buffer_.size() * 2, std::size_t{4096})));
    auto n = input_->read(reinterpret_cast<char*>(buffer_.data()) + end_, buffer_.size() - end_);
    if (!n) {
      error_ = std::move(n.error());
      eof_ = true;
      return false;
    }
    if (*n == 0) eof_ = true;
    end_ += *n;
  }
  return true;
}

bool MrtReader::next(RecordHeader& header, std::span<const std::uint8_t>& body) {
  if (error_) return false;
  const std::uint64_t offset = consumed_ + pos_;
  if (!ensure(kHeaderSize)) {
    if (!error_ && end_ > pos_) {
      error_ = Error(ErrorCategory::kParse,
                     "the input ends inside a record header (" + std::to_string(end_ - pos_) +
                         " of 12 bytes): the file is truncated",
                     Location{name(), 0, 0, offset});
    }
    return false;
  }
  const std::uint8_t* p = buffer_.data() + pos_;
  header.timestamp = load32(p);
  header.type = load16(p + 4);
  header.subtype = load16(p + 6);
  header.length = load32(p + 8);
  header.microseconds = 0;
  header.offset = offset;
  if (header.length > kMaxRecord) {
    error_ = Error(ErrorCategory::kParse,
                   "a record claims " + std::to_string(header.length) +
                       " bytes, more than any MRT record holds: the input is damaged or not MRT",
                   Location{name(), 0, 0, offset});
    return false;
  }
  const std::size_t total = kHeaderSize + header.length;
  if (!ensure(total)) {
    if (!error_) {
      error_ = Error(ErrorCategory::kParse,
                     "the input ends inside a record (" + std::to_string(end_ - pos_) + " of " + std::to_string(total) +
                         " bytes): the file is truncated",
                     Location{name(), 0, 0, offset});
    }
    return false;
  }
  p = buffer_.data() + pos_;
  std::size_t body_start = kHeaderSize;
  if (header.type == kBgp4mpEt) {
    // The microseconds count in the length (RFC 6396 section 3).
    if (header.length < 4) {
      error_ = Error(ErrorCategory::kParse, "a BGP4MP_ET record shorter than its microseconds field",
                     Location{name(), 0, 0, offset});
      return false;
    }
    header.microseconds = load32(p + kHeaderSize);
    header.length -= 4;
    body_start += 4;
  }
  body = std::span<const std::uint8_t>(p + body_start, header.length);
  pos_ += total;
  ++records_;
  return true;
}

}  // namespace interdict::mrt
