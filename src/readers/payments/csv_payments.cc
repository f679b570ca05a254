// Payments as CSV rows (grammar.md, "CSV"): a header naming the columns (ColumnMap), then
// one payment a row. Quoted fields may span lines (CsvParser).
#include <algorithm>
#include <string>
#include <vector>

#include "readers/common/csv.h"
#include "readers/payments/readers.h"

namespace interdict::payments {
namespace {

// A quoted field longer than this is a runaway quote, not a payment.
constexpr std::size_t kMaxRecordBytes = std::size_t{1} << 20;

// Walks the lines of a buffer: the line without "\n" or "\r\n", its number and offset.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    offset_ = pos_;
    ++number_;
    const std::size_t end = text_.find('\n', pos_);
    line = text_.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
    pos_ = end == std::string_view::npos ? text_.size() : end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    return true;
  }
  [[nodiscard]] std::uint64_t number() const { return number_; }
  [[nodiscard]] std::uint64_t offset() const { return offset_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint64_t offset_ = 0;
  std::uint64_t number_ = 0;
};

bool has_field(const std::vector<Target>& targets, Field field) {
  for (const Target& t : targets) {
    if (t.field == field) return true;
  }
  return false;
}

bool has_party_name(const std::vector<Target>& targets) {
  for (const Target& t : targets) {
    if (t.field == Field::kName && (t.role == PartyRole::kDebtor || t.role == PartyRole::kCreditor)) return true;
  }
  return false;
}

}  // namespace

void decode_payment_csv(std::string_view text, std::string_view file, PaymentSink& sink, const ColumnMap& columns) {
  RecordBuilder out(PaymentFormat::kCsv, file, sink);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  Lines lines(text);
  std::string_view line;
  while (lines.next(line) && trim(line).empty()) {
  }
  if (trim(line).empty()) return out.damage_at(lines.number(), lines.offset(), "no header line", true);

  CsvParser parser(detect_csv_delimiter(line));
  if (parser.feed(line) != CsvParser::Step::kDone) {
    return out.damage_at(lines.number(), lines.offset(), "header: " + parser.error(), true);
  }
  std::vector<Target> targets(parser.field_count());
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const Target t = columns.resolve(parser.field(i));
    // The first column of a field wins; a repeated one is left unread, except for the
    // fields that take several (remittance lines, address lines, ids).
    const bool several = t.field == Field::kRemittance || t.field == Field::kAddress || t.field == Field::kId;
    const bool repeat = std::any_of(targets.begin(), targets.begin() + static_cast<std::ptrdiff_t>(i),
                                    [&t](const Target& o) { return o.field == t.field && o.role == t.role; });
    if (several || !repeat) targets[i] = t;
  }
  if (!has_field(targets, Field::kAmount)) {
    return out.damage_at(lines.number(), lines.offset(), "header names no amount column", true);
  }
  if (!has_party_name(targets)) {
    return out.damage_at(lines.number(), lines.offset(), "header names no debtor or creditor name column", true);
  }

  std::string reason;
  while (lines.next(line)) {
    if (trim(line).empty()) continue;
    const std::uint64_t first_line = lines.number();
    const std::uint64_t first_offset = lines.offset();
    parser.reset();
    CsvParser::Step step = parser.feed(line);
    while (step == CsvParser::Step::kMore && parser.held_bytes() <= kMaxRecordBytes && lines.next(line)) {
      step = parser.feed(line);
    }
    PaymentRecord& r = out.start();
    r.evidence.line = first_line;
    r.evidence.offset = first_offset;
    if (step == CsvParser::Step::kBad) {
      out.damage(parser.error());
      continue;
    }
    if (step == CsvParser::Step::kMore) {
      out.damage(parser.held_bytes() > kMaxRecordBytes ? "quoted field longer than 1 MiB" : "quoted field not closed");
      if (parser.held_bytes() > kMaxRecordBytes) continue;
      break;
    }
    if (parser.field_count() != targets.size()) {
      reason.assign("row has ")
          .append(std::to_string(parser.field_count()))
          .append(" fields, the header ")
          .append(std::to_string(targets.size()));
      out.damage(reason);
      continue;
    }
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const std::string_view value = trim(parser.field(i));
      if (!value.empty()) apply(out, targets[i], value);
    }
    out.finish();
  }
}

}  // namespace interdict::payments
