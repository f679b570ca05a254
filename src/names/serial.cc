// The index file: a versioned header, then each flat array as (u64 byte length, bytes).
//
//   file    = magic "IDXNAMES" u32 version(=11) u32 record-size-check
//             f64 match f64 review
//             array{blob} array{entries} array{names} array{forms} array{form_tokens}
//             array{tokens} array{keys} array{key_offsets} array{postings}
//             array{token_keys} array{token_key_offsets} array{token_postings}
//             array{token_form_offsets} array{token_forms}
//   array   = u64 byte-length, bytes (length a multiple of the record size),
//             zero bytes to the next multiple of 8
//
// Version 11 keeps a token's sound spelling beside it (TokenRec::sounded, sound_spelling.h:
// Smith "smis", Graça "grasa") and posts it under its transcription keys: a version 10 file
// would not let 史密斯 reach Smith.
// Version 10 reads a final -oix's x as French leaves it unsaid in transcription keys, and
// posts a token with a German ch before a consonant or last under the keys of that ch read
// k as well (transcription_keys.cc, transcribe_rules.cc): a version 9 file would not let 博瓦 reach Boix,
// nor 帕克勒 Pachler.
// Version 9 folds French gui before consonants and a final e as gi (fold.cc: Boumaguine
// "bumagine"), and posts a token with an Italian ch before e or i, or a German ch before a
// consonant or last, under the transcription keys of that ch read k or h (transcription_keys.cc): a
// version 8 file, written by either change alone, or a version 7 file would not meet
// Bumagin, nor let 塞纳基 reach Cenacchi or 尼姆里希特 Nimrichter.
// Version 6 holds a token reading more for names with surname particles (Del Barrio as
// "delbario"), reads a c before a consonant as k in transcription keys and folds Hungarian
// gyi to di (index_build.cc, keys.cc, fold.cc): a version 5 file would not meet a query
// that writes the particle into the surname, nor reach Clarenza from クラレンツァ.
// Version 5 posts every strong token of a token reading under its transcription keys
// (candidates.cc), which version 4 files lack: a Han or kana pattern would reach fewer
// names through them than scoring every name finds. Version 4 holds tokens read by
// today's rules (normalise.cc): version 3 files spelled kana names by ICU's romaji
// (ボッジャーリ "boari", now "boiari") and version 2 files folded by older spelling rules
// ("kajusov", now "kaiusov"), so older files would not meet today's queries. All are
// refused and rebuilt with `lists import`. Since version 2 each array is padded to 8 bytes
// so that, the header being 32 bytes, every array starts aligned for its records and a
// mapped file is used in place. Little-endian, as written by the machines we run on.
// Loading maps the file and checks every offset, length and index against its bounds
// once, so a damaged file is an error and the searches that follow never read out of
// bounds.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "names/index_data.h"

namespace interdict {
namespace {

constexpr char kMagic[8] = {'I', 'D', 'X', 'N', 'A', 'M', 'E', 'S'};
constexpr std::uint32_t kVersion = 11;
constexpr std::size_t kAlign = 8;
constexpr std::uint32_t kRecordCheck =
    sizeof(EntryRec) << 24 | sizeof(NameRec) << 16 | sizeof(FormRec) << 8 | sizeof(TokenRec);

template <typename T>
void put(std::string& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

void pad(std::string& out) { out.append((kAlign - out.size() % kAlign) % kAlign, '\0'); }

template <typename T>
void put_array(std::string& out, std::span<const T> v) {
  put(out, static_cast<std::uint64_t>(v.size() * sizeof(T)));
  if (!v.empty()) out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  pad(out);
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
  // Views the next array where it lies. REQUIRES: the bytes start 8-aligned in memory.
  template <typename T>
  bool read_array(std::span<const T>& v) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= kAlign);
    std::uint64_t length = 0;
    if (!read(length)) return false;
    if (length > bytes_.size() - pos_ || length % sizeof(T) != 0) return false;
    v = std::span<const T>(reinterpret_cast<const T*>(bytes_.data() + pos_),
                           static_cast<std::size_t>(length / sizeof(T)));
    pos_ += static_cast<std::size_t>(length);
    return skip_padding();
  }
  bool read_blob(std::string_view& s) {
    std::uint64_t length = 0;
    if (!read(length) || length > bytes_.size() - pos_) return false;
    s = bytes_.substr(pos_, static_cast<std::size_t>(length));
    pos_ += static_cast<std::size_t>(length);
    return skip_padding();
  }
  [[nodiscard]] std::size_t pos() const { return pos_; }
  [[nodiscard]] bool at_end() const { return pos_ == bytes_.size(); }

 private:
  // Padding is zero: a flipped padding byte is damage like any other.
  bool skip_padding() {
    const std::size_t padding = (kAlign - pos_ % kAlign) % kAlign;
    if (bytes_.size() - pos_ < padding) return false;
    for (std::size_t i = 0; i < padding; ++i)
      if (bytes_[pos_ + i] != '\0') return false;
    pos_ += padding;
    return true;
  }

  std::string_view bytes_;
  std::size_t pos_ = 0;
};

// A read-only private mapping of a whole file, unmapped when the last view goes.
struct Mapping {
  void* address = MAP_FAILED;
  std::size_t length = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (address != MAP_FAILED) munmap(address, length);
  }
};

bool in_blob(const NameIndex::Data& d, StrRef r) {
  return r.offset <= d.blob.size() && r.length <= d.blob.size() - r.offset;
}

// Transcription postings: sorted keys, offsets in order and to the end, ids under `ids`.
const char* check_postings(std::span<const std::uint64_t> keys, std::span<const std::uint32_t> offsets,
                           std::span<const std::uint32_t> postings, std::size_t ids) {
  if (offsets.size() != keys.size() + 1 || offsets.front() != 0 || offsets.back() != postings.size())
    return "transcription offsets do not match the keys";
  for (std::size_t k = 0; k + 1 < offsets.size(); ++k)
    if (offsets[k] > offsets[k + 1]) return "transcription offsets out of order";
  for (std::size_t k = 1; k < keys.size(); ++k)
    if (keys[k - 1] >= keys[k]) return "transcription keys out of order";
  for (auto p : postings)
    if (p >= ids) return "transcription posting past the end";
  return "";
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
    if (!in_blob(d, t.text) || !in_blob(d, t.sound) || !in_blob(d, t.sounded)) return "token string past the end";
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
  if (const char* problem = check_postings(d.token_keys, d.token_key_offsets, d.token_postings, d.tokens.size());
      *problem != '\0')
    return problem;
  if (d.token_form_offsets.size() != d.tokens.size() + 1 || d.token_form_offsets.front() != 0 ||
      d.token_form_offsets.back() != d.token_forms.size())
    return "token forms offsets do not match the tokens";
  for (std::size_t t = 0; t + 1 < d.token_form_offsets.size(); ++t)
    if (d.token_form_offsets[t] > d.token_form_offsets[t + 1]) return "token forms offsets out of order";
  for (auto f : d.token_forms)
    if (f >= d.forms.size()) return "token form past the end";
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
  pad(out);
  put_array(out, d.entries);
  put_array(out, d.names);
  put_array(out, d.forms);
  put_array(out, d.form_tokens);
  put_array(out, d.tokens);
  put_array(out, d.keys);
  put_array(out, d.key_offsets);
  put_array(out, d.postings);
  put_array(out, d.token_keys);
  put_array(out, d.token_key_offsets);
  put_array(out, d.token_postings);
  put_array(out, d.token_form_offsets);
  put_array(out, d.token_forms);
  // Written beside and renamed over: an index mapped by a running screen keeps its old
  // file, which rewriting in place would change under it.
  // Its name is unique to this process and call: two imports writing the same index
  // at once must not write into one temporary file.
  static std::atomic<unsigned> saves{0};
  const std::string temporary =
      path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(saves.fetch_add(1, std::memory_order_relaxed));
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return Error(ErrorCategory::kIo, "cannot create name index", Location{temporary});
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!file.flush()) {
      std::remove(temporary.c_str());
      return Error(ErrorCategory::kIo, "cannot write name index", Location{temporary});
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Error(ErrorCategory::kIo, "cannot replace name index", Location{path});
  }
  return Ok{};
}

Result<NameIndex> NameIndex::load(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error(ErrorCategory::kIo, "cannot open name index", Location{path});
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error(ErrorCategory::kIo, "cannot read name index", Location{path});
  }
  auto mapping = std::make_shared<Mapping>();
  mapping->length = static_cast<std::size_t>(st.st_size);
  if (mapping->length != 0) mapping->address = mmap(nullptr, mapping->length, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapping->length != 0 && mapping->address == MAP_FAILED)
    return Error(ErrorCategory::kIo, "cannot map name index", Location{path});
  const std::string_view bytes = mapping->length == 0
                                     ? std::string_view()
                                     : std::string_view(static_cast<const char*>(mapping->address), mapping->length);
  auto index = view(bytes, mapping);
  if (!index) {
    Error e = index.error();
    return e.with_context(path);
  }
  return index;
}

Result<NameIndex> NameIndex::decode(std::string_view bytes) {
  // One copy into 8-aligned memory, which the index then views like a mapped file.
  auto copy = std::make_shared<std::vector<std::uint64_t>>((bytes.size() + kAlign - 1) / kAlign);
  if (!bytes.empty()) std::memcpy(copy->data(), bytes.data(), bytes.size());
  return view(std::string_view(reinterpret_cast<const char*>(copy->data()), bytes.size()), copy);
}

Result<NameIndex> NameIndex::view(std::string_view bytes, std::shared_ptr<const void> storage) {
  Reader r(bytes);
  char magic[8] = {};
  std::uint32_t version = 0;
  std::uint32_t record_check = 0;
  if (!r.read(magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return damaged("not a name index", 0);
  if (!r.read(version)) return damaged("unsupported version", 8);
  if (version != kVersion)
    return damaged("unsupported version " + std::to_string(version) + " (this build reads version " +
                       std::to_string(kVersion) + ")",
                   8);
  if (!r.read(record_check) || record_check != kRecordCheck) return damaged("record layout differs", 12);
  NameIndex index;
  Data& d = *index.data_;
  if (!r.read(d.thresholds.match) || !r.read(d.thresholds.review)) return damaged("truncated header", r.pos());
  if (!(d.thresholds.review >= 0 && d.thresholds.review <= d.thresholds.match && d.thresholds.match <= 1))
    return damaged("thresholds out of range", 16);
  d.storage = std::move(storage);
  if (!r.read_blob(d.blob) || !r.read_array(d.entries) || !r.read_array(d.names) || !r.read_array(d.forms) ||
      !r.read_array(d.form_tokens) || !r.read_array(d.tokens) || !r.read_array(d.keys) ||
      !r.read_array(d.key_offsets) || !r.read_array(d.postings) || !r.read_array(d.token_keys) ||
      !r.read_array(d.token_key_offsets) || !r.read_array(d.token_postings) || !r.read_array(d.token_form_offsets) ||
      !r.read_array(d.token_forms))
    return damaged("array length past the end of the file", r.pos());
  if (!r.at_end()) return damaged("bytes after the last array", r.pos());
  if (const char* problem = check(d); *problem != '\0') return damaged(problem, 0);
  d.frozen = true;
  return index;
}

}  // namespace interdict
