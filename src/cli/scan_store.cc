// The app-store chokepoint of `interdict scan`: each catalogue listing and download or
// update request decided for the store activities over its storefront countries, and
// rendered as a table row or a JSON object (docs/scan.md).
#include "cli/scan_run.h"

namespace interdict::cli {

bool Scan::claims_store(const InputHead& head) { return sniff_store_format(head.lines[0]) != StoreFormat::kUnknown; }

bool Scan::scan_store(LineSource& source, const InputHead& head) {
  const std::string_view first_line = head.lines[0];
  auto reader = StoreReader::open_after(source, first_line, sniff_store_format(first_line), this,
                                        StoreReader::Options{options_.strict});
  if (!reader) {
    fatal(reader.error().to_string());
    return true;
  }
  StoreRecord record;
  while ((*reader)->next(record)) decide_record(record);
  tally_.skipped += (*reader)->skipped();
  if (const auto& error = (*reader)->error()) {
    if (options_.strict && error->category() == ErrorCategory::kParse) {
      fatal(error->to_string() + " (stopping: --strict)");
      return false;
    }
    fatal(error->to_string());
  }
  return true;
}

void Scan::damaged(const StoreDamage& damage) {
  const std::string where = std::string(damage.file) + ":" + std::to_string(damage.line);
  if (format_ != Format::kTable) {
    begin_object();
    out_ += "{\"kind\":\"error\",\"file\":";
    append_json_string(out_, damage.file);
    out_ += ",\"line\":" + std::to_string(damage.line) + ",\"error\":";
    append_json_string(out_, damage.reason);
    out_ += '}';
    if (format_ == Format::kJsonl) out_ += '\n';
  }
  if (options_.strict) return;  // the fatal message says it
  if (printed_damage_ < kMaxPrintedDamage) {
    std::cerr << "interdict: " << where << ": " << damage.reason << " (record skipped)\n";
  }
  if (++printed_damage_ == kMaxPrintedDamage) {
    std::cerr << "interdict: further damaged records are counted, not printed\n";
  }
}

void Scan::decide_activity(const StoreRecord& record, Activity activity, Answer& best) const {
  const Instant known_at = known_at_.value_or(kEndOfTime);
  best.activity = activity;
  best.obs = record.observation(activity, as_of_, 0);
  best.finding = orders_.decide(best.obs, known_at);
  for (std::size_t chunk = 1; chunk < record.country_chunks(); ++chunk) {
    // Identification does not depend on the countries: nothing matched, nothing will.
    if (best.finding.match_count == 0 && best.finding.designation_count == 0) break;
    if (best.finding.verdict == Verdict::kProhibited) break;
    const Observation obs = record.observation(activity, as_of_, chunk);
    const Finding f = orders_.decide(obs, known_at);
    if (rank(f) > rank(best.finding)) {
      best.obs = obs;
      best.finding = f;
    }
  }
}

void Scan::decide_record(const StoreRecord& record) {
  (record.kind == StoreRecordKind::kListing ? tally_.listings : tally_.requests)++;
  const std::span<const Activity> activities = record.activities();
  answer_count_ = std::min(activities.size(), answers_.size());
  std::size_t governing = 0;
  for (std::size_t i = 0; i < answer_count_; ++i) {
    decide_activity(record, activities[i], answers_[i]);
    if (rank(answers_[i].finding) > rank(answers_[governing].finding)) governing = i;
  }
  const Verdict verdict = answers_[governing].finding.verdict;
  tally_.prohibited += verdict == Verdict::kProhibited ? 1 : 0;
  tally_.review += verdict == Verdict::kReview ? 1 : 0;

  // Where: the record's countries inside the governing clause's scope, and the others.
  in_scope_.clear();
  outside_.clear();
  if (const Match* g = answers_[governing].finding.governing_match()) {
    const std::vector<std::string>& scope = g->order->scope_of(g->prohibition);
    for (const CountryCode& c : record.countries) {
      const std::string_view code(c.data(), 2);
      const bool in = std::find(scope.begin(), scope.end(), code) != scope.end();
      (in ? in_scope_ : outside_).push_back(c);
    }
  }
  if (format_ == Format::kTable) {
    add_row(record, answers_[governing]);
  } else {
    append_answer(record, answers_[governing]);
  }
}

namespace {

// `"key":"text"`, or `"key":null` when `text` is empty.
void append_text(std::string& out, std::string_view key, std::string_view text) {
  append_json_key(out, key);
  if (text.empty()) {
    out += "null";
  } else {
    append_json_string(out, text);
  }
}

void append_time(std::string& out, std::string_view key, std::optional<Instant> t) {
  append_json_key(out, key);
  if (!t) {
    out += "null";
    return;
  }
  out += '"';
  append_rfc3339(out, *t);
  out += '"';
}

void append_codes(std::string& out, std::string_view key, std::span<const CountryCode> codes) {
  append_json_key(out, key);
  out += '[';
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    out.append(codes[i].data(), 2);  // two letters: nothing to escape
    out += '"';
  }
  out += ']';
}

std::optional<Instant> since(const Match* m) {
  if (m == nullptr || m->state.effective == kEndOfTime) return std::nullopt;
  return m->state.effective;
}

std::string join_codes(std::span<const CountryCode> codes) {
  std::string out;
  for (const CountryCode& c : codes) {
    if (!out.empty()) out += ' ';
    out.append(c.data(), 2);
  }
  return out;
}

}  // namespace

void Scan::add_row(const StoreRecord& record, const Answer& top) {
  const Finding& f = top.finding;
  const Match* g = f.governing_match();
  std::string where;
  if (g != nullptr) {
    where = in_scope_.empty() ? "none" : join_codes(in_scope_);
    if (!outside_.empty()) where += " (not " + join_codes(outside_) + ")";
  } else if (record.countries.empty()) {
    where = "?";
  }
  std::string stop;
  bool review = false;
  for (std::size_t i = 0; i < answer_count_; ++i) {
    const Verdict v = answers_[i].finding.verdict;
    review = review || v == Verdict::kReview;
    if (v != Verdict::kProhibited) continue;
    std::string_view name = activity_name(answers_[i].activity);
    stop += (stop.empty() ? "" : ", ") + std::string(name.substr(name.find('.') + 1));
  }
  if (stop.empty()) stop = review ? "review" : "-";
  const Instant at = record.kind == StoreRecordKind::kRequest ? record.time : as_of_;
  const auto effective = since(g);
  const bool acts = f.verdict != Verdict::kPermitted;
  const std::string_view id = record.id_count > 0 ? record.ids[0] : std::string_view();
  table_.add_row({record.kind == StoreRecordKind::kListing ? "listing" : std::string(request_type_name(record.type)),
                  base_name(record.file) + ":" + std::to_string(record.line), short_time(at), std::string(id),
                  std::string(record.title), std::string(verdict_name(f.verdict)), std::string(status_text(f)), stop,
                  where, acts && effective ? short_time(*effective) : "",
                  g != nullptr ? g->order->id + " " + g->clause().id : ""});
}

void Scan::append_answer(const StoreRecord& record, const Answer& top) {
  const Finding& f = top.finding;
  const Match* g = f.governing_match();
  begin_object();
  out_ += "{\"kind\":\"";
  out_ += store_record_kind_name(record.kind);
  out_ += '"';
  if (record.kind == StoreRecordKind::kRequest) {
    out_ += ",\"type\":\"";
    out_ += request_type_name(record.type);
    out_ += '"';
  }
  append_text(out_, "file", record.file);
  out_ += ",\"line\":";
  out_ += std::to_string(record.line);
  append_text(out_, "id", record.id_count > 0 ? record.ids[0] : std::string_view());
  out_ += ",\"ids\":[";
  for (std::size_t i = 0; i < record.id_count; ++i) {
    if (i > 0) out_ += ',';
    append_json_string(out_, record.ids[i]);
  }
  out_ += ']';
  append_text(out_, "title", record.title);
  append_text(out_, "seller", record.seller);
  if (record.kind == StoreRecordKind::kListing) {
    append_codes(out_, "storefronts", record.countries);
  } else {
    append_text(out_, "country",
                record.countries.empty() ? std::string_view() : std::string_view(record.countries[0].data(), 2));
    append_text(out_, "client", record.client);
    append_text(out_, "store", record.store);
  }
  append_time(out_, "at", record.kind == StoreRecordKind::kRequest ? record.time : as_of_);
  if (known_at_) append_time(out_, "known_at", known_at_);
  append_text(out_, "verdict", verdict_name(f.verdict));
  append_text(out_, "status", status_text(f));
  for (Verdict wanted : {Verdict::kProhibited, Verdict::kReview}) {
    append_json_key(out_, wanted == Verdict::kProhibited ? "stop" : "review");
    out_ += '[';
    bool first = true;
    for (std::size_t i = 0; i < answer_count_; ++i) {
      if (answers_[i].finding.verdict != wanted) continue;
      if (!first) out_ += ',';
      first = false;
      append_json_string(out_, activity_name(answers_[i].activity));
    }
    out_ += ']';
  }
  append_codes(out_, "in_scope", in_scope_);
  append_codes(out_, "outside", outside_);
  append_time(out_, "since", since(g));
  append_text(out_, "order", g != nullptr ? std::string_view(g->order->id) : std::string_view());
  append_text(out_, "prohibition", g != nullptr ? std::string_view(g->clause().id) : std::string_view());
  append_text(out_, "clause_title", g != nullptr ? std::string_view(g->clause().title) : std::string_view());
  const Subject* subject = g != nullptr ? g->subject : f.match_count > 0 ? f.matches[0].subject : nullptr;
  append_text(out_, "subject", subject != nullptr ? std::string_view(subject->id) : std::string_view());
  orders_.explain(f, top.obs, reasons_);
  append_json_key(out_, "reasons");
  out_ += '[';
  for (const std::string& reason : reasons_) {
    if (&reason != reasons_.begin()) out_ += ',';
    append_json_string(out_, reason);
  }
  out_ += "],\"activities\":[";
  for (std::size_t i = 0; i < answer_count_; ++i) {
    const Finding& af = answers_[i].finding;
    const Match* ag = af.governing_match();
    if (i > 0) out_ += ',';
    out_ += "{\"activity\":";
    append_json_string(out_, activity_name(answers_[i].activity));
    append_text(out_, "verdict", verdict_name(af.verdict));
    append_text(out_, "status", status_text(af));
    append_text(out_, "order", ag != nullptr ? std::string_view(ag->order->id) : std::string_view());
    append_text(out_, "prohibition", ag != nullptr ? std::string_view(ag->clause().id) : std::string_view());
    append_time(out_, "since", since(ag));
    out_ += '}';
  }
  out_ += "]}";
  if (format_ == Format::kJsonl) out_ += '\n';
  flush_if_full();
}

}  // namespace interdict::cli
