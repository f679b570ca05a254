// The index file: a versioned header, then each flat array as (u64 byte length, bytes).
//
//   file    = magic "IDXNAMES" u32 version(=1) u32 record-size-check
//             f64 match f64 review
//             array{blob} array{entries} array{names} array{forms} array{form_tokens}
//             array{tokens} array{keys} array{key_offsets} array{postings}
//   array   = u64 byte-length, bytes (length a multiple of the record size)
//
// Little-endian, as written by the machines we run on. Loading copies each array once and
// then checks every offset, length and index against its bounds, so a damaged file is an
// error and the searches that follow never read out of bounds.
#include <cstring>
#include <fstream>
#include <iterator>
#include <type_traits>

#include "names/index_data.h"

namespace interdict {
namespace {

constexpr char kMagic[8] = {'I', 'D', 'X', 'N', 'A', 'M', 'E', 'S'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kRecordCheck =
    sizeof(EntryRec) << 24 | sizeof(NameRec) << 16 | sizeof(FormRec) << 8 | sizeof(TokenRec);

template <typename T>
void put(std::string& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
void put_array(std::string& out, const std::vector<T>& v) {
  put(out, static_cast<std::uint64_t>(v.size() * sizeof(T)));
  if (!v.empty()) out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

Error damaged(std::string message, std::size_t offset) {
  Location where;
  where.byte_offset = offset;
  return Error(ErrorCategory::kParse, "name index: " + std::move(message), where);
}

// A cursor over the file's bytes: every read checks what is left first.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool read(T& value) {
    if (bytes_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  template <typename T>
  bool read_array(std::vector<T>& v) {
    std::uint64_t length = 0;
    if (!read(length)) return false;
    if (length > bytes_.size() - pos_ || length % sizeof(T) != 0) return false;
    v.resize(static_cast<std::size_t>(length / sizeof(T)));
    if (length != 0) std::memcpy(v.data(), bytes_.data() + pos_, static_cast<std::size_t>(length));
    pos_ += static_cast<std::size_t>(length);
    return true;
  }
  bool read_blob(std::string& s) {
    std::uint64_t length = 0;
    if (!read(length) || length > bytes_.size() - pos_) return false;
    s.assign(bytes_.data() + pos_, static_cast<std::size_t>(length));
    pos_ += static_cast<std::size_t>(length);
    return true;
  }
  [[nodiscard]] std::size_t pos() const { return pos_; }
  [[nodiscard]] bool at_end() const { return pos_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

bool in_blob(const NameIndex::Data& d, StrRef r) {
  return r.offset <= d.blob.size() && r.length <= d.blob.size() - r.offset;
}

// Every cross reference in bounds; "" when so, else what is wrong.
const char* check(const NameIndex::Data& d) {
  for (const auto& e : d.entries) {
    if (!in_blob(d, e.id) || !in_blob(d, e.countries)) return "entry string past the end";
    if (e.kind > static_cast<std::uint32_t>(EntityKind::kAircraft)) return "unknown entity kind";
    if (e.first_name > d.names.size() || e.name_count > d.names.size() - e.first_name)
      return "entry names past the end";
  }
  for (const auto& n : d.names) {
    if (!in_blob(d, n.text)) return "name string past the end";
    if (n.entry >= d.entries.size()) return "name entry past the end";
  }
  for (const auto& f : d.forms) {
    if (f.name >= d.names.size()) return "form name past the end";
    if (f.first_token > d.form_tokens.size() || f.token_count > d.form_tokens.size() - f.first_token)
      return "form tokens past the end";
  }
  for (auto t : d.form_tokens)
    if (t >= d.tokens.size()) return "token id past the end";
  for (const auto& t : d.tokens) {
    if (!in_blob(d, t.text)) return "token string past the end";
    if (!(t.weight >= 0.0F && t.weight < 1e6F)) return "token weight out of range";
  }
  if (d.key_offsets.size() != d.keys.size() + 1 || d.key_offsets.front() != 0 ||
      d.key_offsets.back() != d.postings.size())
    return "postings offsets do not match the keys";
  for (std::size_t k = 0; k + 1 < d.key_offsets.size(); ++k)
    if (d.key_offsets[k] > d.key_offsets[k + 1]) return "postings offsets out of order";
  for (std::size_t k = 1; k < d.keys.size(); ++k)
    if (d.keys[k - 1] >= d.keys[k]) return "keys out of order";
  for (auto p : d.postings)
    if (p >= d.forms.size()) return "posting past the end";
  return "";
}

}  // namespace

Status NameIndex::save(const std::string& path) const {
  const Data& d = *data_;
  std::string out;
  out.append(kMagic, sizeof kMagic);
  put(out, kVersion);
  put(out, kRecordCheck);
  put(out, d.thresholds.match);
  put(out, d.thresholds.review);
  put(out, static_cast<std::uint64_t>(d.blob.size()));
  out += d.blob;
  put_array(out, d.entries);
  put_array(out, d.names);
  put_array(out, d.forms);
  put_array(out, d.form_tokens);
  put_array(out, d.tokens);
  put_array(out, d.keys);
  put_array(out, d.key_offsets);
  put_array(out, d.postings);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Error(ErrorCategory::kIo, "cannot create name index", Location{path});
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!file.flush()) return Error(ErrorCategory::kIo, "cannot write name index", Location{path});
  return Ok{};
}

Result<NameIndex> NameIndex::load(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error(ErrorCategory::kIo, "cannot open name index", Location{path});
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) return Error(ErrorCategory::kIo, "cannot read name index", Location{path});
  auto index = decode(bytes);
  if (!index) {
    Error e = index.error();
    return e.with_context(path);
  }
  return index;
}

Result<NameIndex> NameIndex::decode(std::string_view bytes) {
  Reader r(bytes);
  char magic[8] = {};
  std::uint32_t version = 0;
  std::uint32_t record_check = 0;
  if (!r.read(magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return damaged("not a name index", 0);
  if (!r.read(version) || version != kVersion) return damaged("unsupported version", 8);
  if (!r.read(record_check) || record_check != kRecordCheck) return damaged("record layout differs", 12);
  NameIndex index;
  Data& d = *index.data_;
  if (!r.read(d.thresholds.match) || !r.read(d.thresholds.review)) return damaged("truncated header", r.pos());
  if (!(d.thresholds.review >= 0 && d.thresholds.review <= d.thresholds.match && d.thresholds.match <= 1))
    return damaged("thresholds out of range", 16);
  if (!r.read_blob(d.blob) || !r.read_array(d.entries) || !r.read_array(d.names) || !r.read_array(d.forms) ||
      !r.read_array(d.form_tokens) || !r.read_array(d.tokens) || !r.read_array(d.keys) ||
      !r.read_array(d.key_offsets) || !r.read_array(d.postings))
    return damaged("array length past the end of the file", r.pos());
  if (!r.at_end()) return damaged("bytes after the last array", r.pos());
  if (const char* problem = check(d); *problem != '\0') return damaged(problem, 0);
  d.frozen = true;
  return index;
}

}  // namespace interdict
