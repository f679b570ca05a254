#include "readers/jsonl/check_reader.h"

#include <charconv>

namespace interdict {
namespace {

Error bad(std::string message) { return Error(ErrorCategory::kParse, std::move(message)); }

// The keys of a line, by the bit each sets in a parse's `seen` mask.
enum Key : int { kActivity, kSubject, kCountry, kAt, kKnownAt, kRef, kUnknownKey };

// One length switch and at most two fixed-size compares a key: `check` reads every key of
// millions of lines, and comparing each with all six names cost more than simdjson's parse.
Key key_of(std::string_view key) {
  switch (key.size()) {
    case 2: return key == "at" ? kAt : kUnknownKey;
    case 3: return key == "ref" ? kRef : kUnknownKey;
    case 7: return key == "subject" ? kSubject : key == "country" ? kCountry : kUnknownKey;
    case 8: return key == "activity" ? kActivity : key == "known_at" ? kKnownAt : kUnknownKey;
    default: return kUnknownKey;
  }
}

}  // namespace

CheckReader::CheckReader() = default;

Result<CheckRequest> CheckReader::parse(std::string_view line, bool padded) {
  simdjson::dom::element doc;
  simdjson::error_code err = parser_.parse(line.data(), line.size(), /*realloc_if_needed=*/!padded).get(doc);
  if (err) return bad(std::string("not JSON: ") + simdjson::error_message(err));
  return parse_document(doc);
}

Result<CheckRequest> CheckReader::parse_document(simdjson::dom::element doc) {
  CheckRequest req;
  simdjson::dom::object root;
  if (doc.get_object().get(root)) return bad("a line must be a JSON object");
  bool have_activity = false;
  bool have_subject = false;
  bool have_at = false;
  int scratch_used = 0;
  unsigned seen = 0;
  for (auto [key, value] : root) {
    const Key k = key_of(key);
    // A repeated key is an error: which copy wins is not something to leave to chance.
    if (k != kUnknownKey) {
      if ((seen & (1u << k)) != 0) return bad("duplicate key `" + std::string(key) + "`");
      seen |= 1u << k;
    }
    if (k == kActivity) {
      std::string_view name;
      if (value.get_string().get(name)) return bad("`activity` must be a string");
      auto a = parse_activity(name);
      if (!a) return bad("unknown activity `" + std::string(name) + "` (see `interdict check --help`)");
      req.obs.activity = *a;
      have_activity = true;
    } else if (k == kSubject) {
      simdjson::dom::object subject;
      if (value.get_object().get(subject)) return bad("`subject` must be an object like {\"domain\": \"tiktok.com\"}");
      for (auto [kind_name, v] : subject) {
        auto kind = parse_probe_kind(kind_name);
        if (!kind) {
          return bad("unknown subject kind `" + std::string(kind_name) +
                     "` (one of id, app, domain, ip, asn, package, class, url, name, title)");
        }
        std::string_view text;
        if (v.is_string()) {
          text = v.get_string().value_unsafe();
        } else if (v.is_uint64()) {
          if (scratch_used >= Observation::kMaxProbes) return bad("`subject` names more than 8 identifiers");
          auto& buf = scratch_[static_cast<size_t>(scratch_used++)];
          auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v.get_uint64().value_unsafe());
          text = std::string_view(buf.data(), static_cast<size_t>(end - buf.data()));
        } else {
          return bad("`subject." + std::string(kind_name) + "` must be a string");
        }
        if (text.empty()) return bad("`subject." + std::string(kind_name) + "` is empty");
        if (!req.obs.add_probe(*kind, text)) return bad("`subject` names more than 8 identifiers");
      }
      if (req.obs.probe_count == 0) return bad("`subject` names no identifier");
      have_subject = true;
    } else if (k == kCountry) {
      auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
      auto add = [&](std::string_view c) -> bool {
        return c.size() == 2 && letter(c[0]) && letter(c[1]) && req.obs.add_country(c);
      };
      if (value.is_string()) {
        if (!add(value.get_string().value_unsafe()))
          return bad("`country` must be an ISO 3166-1 alpha-2 code like \"US\"");
      } else if (value.is_array()) {
        simdjson::dom::array list;
        if (value.get_array().get(list)) return bad("malformed `country`");
        for (auto item : list) {
          std::string_view c;
          if (item.get_string().get(c) || !add(c))
            return bad("`country` must hold ISO 3166-1 alpha-2 codes (at most 8)");
        }
      } else {
        return bad("`country` must be a code or an array of codes");
      }
    } else if (k == kAt || k == kKnownAt) {
      std::string_view text;
      if (value.get_string().get(text)) return bad("`" + std::string(key) + "` must be an RFC 3339 string");
      auto t = parse_rfc3339(text);
      if (!t) return bad("`" + std::string(key) + "`: " + t.error().message());
      if (k == kAt) {
        req.obs.at = *t;
        have_at = true;
      } else {
        req.known_at = *t;
      }
    } else if (k == kRef) {
      if (value.get_string().get(req.ref)) return bad("`ref` must be a string");
    } else {
      return bad("unknown key `" + std::string(key) + "`");
    }
  }
  if (!have_activity) return bad("missing `activity`");
  if (!have_subject) return bad("missing `subject`");
  if (!have_at) return bad("missing `at`");
  return req;
}

}  // namespace interdict
