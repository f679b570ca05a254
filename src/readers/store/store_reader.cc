#include "readers/store/store_reader.h"

#include <algorithm>
#include <utility>

#include "readers/store/store_keys.h"

namespace interdict {

using namespace store_detail;  // NOLINT(google-build-using-namespace): the reader's own helpers

namespace {

constexpr std::array<Activity, 2> kListingActivities = {Activity::kStoreDistribute, Activity::kStoreUpdate};
constexpr std::array<Activity, 1> kDistribute = {Activity::kStoreDistribute};
constexpr std::array<Activity, 1> kUpdate = {Activity::kStoreUpdate};

}  // namespace

std::string_view store_format_name(StoreFormat format) {
  switch (format) {
    case StoreFormat::kCsv: return "csv";
    case StoreFormat::kJsonl: return "jsonl";
    case StoreFormat::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view store_record_kind_name(StoreRecordKind kind) {
  return kind == StoreRecordKind::kListing ? "listing" : "request";
}

std::string_view request_type_name(RequestType type) {
  switch (type) {
    case RequestType::kDownload: return "download";
    case RequestType::kInstall: return "install";
    case RequestType::kUpdate: return "update";
  }
  return "download";
}

StoreFormat sniff_store_format(std::string_view first_line) {
  std::string_view s = trim(strip_bom(first_line));
  if (s.empty()) return StoreFormat::kUnknown;
  if (s.front() == '{') return StoreFormat::kJsonl;
  CsvParser header(detect_csv_delimiter(s));
  if (header.feed(s) != CsvParser::Step::kDone) return StoreFormat::kUnknown;
  for (std::size_t i = 0; i < header.field_count(); ++i) {
    Role r = role_of(header.field(i));
    if (r == kId || r == kTitle || r == kSeller || r == kStorefronts) return StoreFormat::kCsv;
  }
  return StoreFormat::kUnknown;
}

// ---- StoreRecord ----

std::span<const Activity> StoreRecord::activities() const {
  if (kind == StoreRecordKind::kListing) return kListingActivities;
  return type == RequestType::kUpdate ? std::span<const Activity>(kUpdate) : std::span<const Activity>(kDistribute);
}

std::size_t StoreRecord::country_chunks() const {
  constexpr std::size_t n = Observation::kMaxCountries;
  return countries.empty() ? 1 : (countries.size() + n - 1) / n;
}

Observation StoreRecord::observation(Activity activity, Instant as_of, std::size_t chunk) const {
  Observation obs;
  obs.activity = activity;
  obs.at = kind == StoreRecordKind::kRequest ? time : as_of;
  for (std::string_view id : id_list()) obs.add_probe(ProbeKind::kApp, id);
  if (!title.empty()) obs.add_probe(ProbeKind::kTitle, title);
  const std::size_t from = chunk * Observation::kMaxCountries;
  const std::size_t to = std::min(countries.size(), from + Observation::kMaxCountries);
  for (std::size_t i = from; i < to; ++i) obs.add_country(std::string_view(countries[i].data(), 2));
  obs.evidence = EvidenceRef{file, line};
  return obs;
}

// ---- StoreReader ----

StoreReader::StoreReader(LineSource& source, Reporter* reporter, Options options)
    : source_(source), reporter_(reporter), options_(options) {}

StoreReader::~StoreReader() = default;

Result<std::unique_ptr<StoreReader>> StoreReader::open(LineSource& source, Reporter* reporter, Options options) {
  std::unique_ptr<StoreReader> reader(new StoreReader(source, reporter, options));
  std::string_view line;
  while (source.next(line)) {
    if (is_blank_line(strip_bom(line))) continue;
    reader->format_ = sniff_store_format(line);
    if (reader->format_ == StoreFormat::kUnknown) {
      return Error(ErrorCategory::kParse,
                   "not a store catalogue or request log: expected a CSV header naming " + std::string(kIdColumns) +
                       ", or JSON Lines",
                   Location{source.name(), static_cast<std::uint32_t>(source.line_number())});
    }
    Status started = reader->start(line);
    if (!started) return started.error();
    return reader;
  }
  if (source.error()) return *source.error();
  return reader;  // empty input: no records
}

Result<std::unique_ptr<StoreReader>> StoreReader::open_after(LineSource& source, std::string_view first_line,
                                                             StoreFormat format, Reporter* reporter, Options options) {
  std::unique_ptr<StoreReader> reader(new StoreReader(source, reporter, options));
  reader->format_ = format;
  Status started = reader->start(first_line);
  if (!started) return started.error();
  return reader;
}

Status StoreReader::start(std::string_view first_line) {
  const std::uint64_t number = source_.line_number();
  const std::uint64_t offset = source_.offset();
  std::string_view text = strip_bom(first_line);
  if (format_ == StoreFormat::kCsv) return read_header(Line{text, number, offset});
  first_ = Held{std::string(text), number, offset};
  return Ok{};
}

bool StoreReader::next_line(Line& line) {
  if (first_) {
    current_ = std::move(*first_);
    first_.reset();
  } else if (!replay_.empty()) {
    current_ = std::move(replay_.front());
    replay_.pop_front();
  } else {
    std::string_view text;
    if (!source_.next(text)) {
      if (source_.error() && !error_) error_ = *source_.error();
      return false;
    }
    line = Line{text, source_.line_number(), source_.offset(), false};
    return true;
  }
  line = Line{current_.text, current_.number, current_.offset, true};
  return true;
}

bool StoreReader::skip(const Line& first, std::uint64_t bytes, std::string_view reason) {
  ++skipped_;
  if (reporter_ != nullptr) reporter_->damaged(StoreDamage{source_.name(), first.number, first.offset, bytes, reason});
  if (options_.strict) {
    error_ = Error(ErrorCategory::kParse, std::string(reason),
                   Location{source_.name(), static_cast<std::uint32_t>(first.number)});
  }
  return false;
}

Status StoreReader::read_header(const Line& line) {
  csv_.set_delimiter(detect_csv_delimiter(line.text));
  csv_.reset();
  Location where{source_.name(), static_cast<std::uint32_t>(line.number)};
  const CsvParser::Step step = csv_.feed(line.text);
  if (step != CsvParser::Step::kDone) {
    return Error(ErrorCategory::kParse,
                 "unreadable CSV header: " + (step == CsvParser::Step::kMore ? "unterminated quote" : csv_.error()),
                 where);
  }
  column_role_.assign(csv_.field_count(), kIgnored);
  bool have_id = false;
  bool taken[kStorefronts + 1] = {};
  for (std::size_t i = 0; i < csv_.field_count(); ++i) {
    Role r = role_of(csv_.field(i));
    if (r == kId) {
      column_role_[i] = kId;
      have_id = true;
    } else if (r >= kTitle && r <= kStorefronts && !taken[r]) {
      column_role_[i] = r;  // the first column of a kind wins; later ones are ignored
      taken[r] = true;
    }
  }
  if (!have_id) {
    return Error(ErrorCategory::kParse,
                 "the CSV header names no id column (one of " + std::string(kIdColumns) + "): `" +
                     std::string(line.text.substr(0, 200)) + "`",
                 where);
  }
  return Ok{};
}

bool StoreReader::next(StoreRecord& record) {
  if (error_) return false;
  Line line;
  while (next_line(line)) {
    if (is_blank_line(line.text)) continue;
    record = StoreRecord{};
    record.file = source_.name();
    record.line = line.number;
    record.offset = line.offset;
    countries_.clear();
    seen_countries_.reset();
    const bool ok = format_ == StoreFormat::kCsv ? read_csv(line, record) : read_json(line, record);
    if (ok) {
      record.countries = countries_;
      ++records_;
      return true;
    }
    if (error_) return false;
  }
  return false;
}

bool StoreReader::add_countries(std::string_view cell) {
  auto separator = [](char c) { return c == ';' || c == '|' || c == ',' || is_blank(c) || c == '\r' || c == '\n'; };
  auto letter = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a';
    return -1;
  };
  std::size_t i = 0;
  while (i < cell.size()) {
    if (separator(cell[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < cell.size() && !separator(cell[end])) ++end;
    const std::string_view code = cell.substr(i, end - i);
    if (code.size() != 2 || letter(code[0]) < 0 || letter(code[1]) < 0) {
      reason_ = "storefront `" + std::string(code.substr(0, 40)) + "` is not an ISO 3166-1 alpha-2 code like `US`";
      return false;
    }
    const int first = letter(code[0]);
    const int second = letter(code[1]);
    const auto index = static_cast<std::size_t>(first * 26 + second);
    if (!seen_countries_.test(index)) {
      seen_countries_.set(index);
      countries_.push_back({static_cast<char>('A' + first), static_cast<char>('A' + second)});
    }
    i = end;
  }
  return true;
}

bool StoreReader::add_id(StoreRecord& record, std::string_view id) {
  id = trim(id);
  if (id.empty()) return true;
  for (std::string_view seen : record.id_list()) {
    if (seen == id) return true;
  }
  if (record.id_count >= StoreRecord::kMaxIds) {
    reason_ = "more than " + std::to_string(StoreRecord::kMaxIds) + " ids";
    return false;
  }
  record.ids[record.id_count++] = id;
  return true;
}

bool StoreReader::read_csv(const Line& first, StoreRecord& record) {
  csv_.reset();
  record_lines_.clear();
  // `first.text` may be a held line that reading on overwrites: use only its length.
  const std::uint64_t first_bytes = first.text.size() + 1;
  std::uint64_t bytes = first_bytes;
  CsvParser::Step step = csv_.feed(first.text);
  // A quoted field that runs past the line: read on, keeping each line in case the quote
  // turns out to be stray and the lines must be read again as records of their own.
  while (step == CsvParser::Step::kMore) {
    const bool too_long = record_lines_.size() + 1 >= kMaxRecordLines || csv_.held_bytes() > kMaxRecordBytes;
    Line more;
    if (too_long || !next_line(more)) {
      if (error_) return false;  // a read error, not damage
      for (auto it = record_lines_.rbegin(); it != record_lines_.rend(); ++it) replay_.push_front(std::move(*it));
      record_lines_.clear();
      reason_ = "unterminated quoted field " + std::to_string(csv_.field_count() + 1) +
                (too_long ? " (longer than the limit)" : " at the end of the input") +
                "; the lines after it are read again";
      return skip(first, first_bytes, reason_);
    }
    record_lines_.push_back(Held{std::string(more.text), more.number, more.offset});
    bytes += more.text.size() + 1;
    step = csv_.feed(more.text);
  }
  if (step == CsvParser::Step::kBad) return skip(first, bytes, csv_.error());
  if (csv_.field_count() != column_role_.size()) {
    reason_ = std::to_string(csv_.field_count()) + (csv_.field_count() == 1 ? " field" : " fields") +
              ", the header has " + std::to_string(column_role_.size());
    return skip(first, bytes, reason_);
  }
  std::string_view storefronts;
  for (std::size_t i = 0; i < column_role_.size(); ++i) {
    const std::string_view value = csv_.field(i);
    switch (column_role_[i]) {
      case kId:
        if (!add_id(record, value)) return skip(first, bytes, reason_);
        break;
      case kTitle: record.title = trim(value); break;
      case kSeller: record.seller = trim(value); break;
      case kStorefronts: storefronts = value; break;
      default: break;
    }
  }
  if (record.id_count == 0) {
    reason_ = "no app id (the " + std::string(kIdColumns) + " columns are empty)";
    return skip(first, bytes, reason_);
  }
  if (!add_countries(storefronts)) return skip(first, bytes, reason_);
  record.kind = StoreRecordKind::kListing;
  return true;
}

}  // namespace interdict
