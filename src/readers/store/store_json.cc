// StoreReader's JSON Lines records (store_reader.h): listings and download or update
// requests, keys matched by role as the CSV reader matches its columns.

#include <charconv>
#include <string>

#include "readers/store/store_keys.h"
#include "readers/store/store_reader.h"

namespace interdict {

using namespace store_detail;  // NOLINT(google-build-using-namespace): the reader's own helpers

bool StoreReader::read_json(const Line& line, StoreRecord& record) {
  const std::uint64_t bytes = line.text.size() + 1;
  auto bad = [&](std::string reason) {
    reason_ = std::move(reason);
    return skip(line, bytes, reason_);
  };
  // Lines from the source carry LineSource::kPadding readable bytes; a held line does not.
  simdjson::dom::element doc;
  if (auto err = parser_.parse(line.text.data(), line.text.size(), /*realloc_if_needed=*/line.held).get(doc)) {
    return bad(std::string("not JSON: ") + simdjson::error_message(err));
  }
  simdjson::dom::object root;
  if (doc.get_object().get(root)) return bad("a record must be a JSON object");

  bool have_type = false;
  bool have_time = false;
  bool have_storefronts = false;
  int numbers = 0;
  for (auto [key, value] : root) {
    const Role role = role_of(key);
    if (role == kIgnored) continue;
    if (value.is_null()) continue;
    const std::string name = "`" + std::string(key.substr(0, 40)) + "`";
    switch (role) {
      case kId: {
        std::string_view text;
        if (value.is_uint64()) {
          if (numbers == StoreRecord::kMaxIds) return bad("more than " + std::to_string(StoreRecord::kMaxIds) + " ids");
          auto& buf = number_text_[static_cast<std::size_t>(numbers++)];
          auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value.get_uint64().value_unsafe());
          text = std::string_view(buf.data(), static_cast<std::size_t>(end - buf.data()));
        } else if (value.get_string().get(text)) {
          return bad(name + " must be a string or a whole number");
        }
        if (!add_id(record, text)) return bad(reason_);
        break;
      }
      case kTitle:
      case kSeller:
      case kClient:
      case kStore: {
        std::string_view text;
        if (value.get_string().get(text)) return bad(name + " must be a string");
        std::string_view& slot = role == kTitle    ? record.title
                                 : role == kSeller ? record.seller
                                 : role == kClient ? record.client
                                                   : record.store;
        if (slot.empty()) slot = trim(text);
        break;
      }
      case kStorefronts: {
        have_storefronts = true;
        if (value.is_string()) {
          if (!add_countries(value.get_string().value_unsafe())) return bad(reason_);
          break;
        }
        simdjson::dom::array list;
        if (value.get_array().get(list)) return bad(name + " must be a string or an array of country codes");
        for (simdjson::dom::element item : list) {
          std::string_view code;
          if (item.get_string().get(code)) return bad(name + " must hold strings like \"US\"");
          if (!add_countries(code)) return bad(reason_);
        }
        break;
      }
      case kType: {
        std::string_view text;
        if (value.get_string().get(text)) return bad(name + " must be a string");
        if (equals_lower(text, "download")) {
          record.type = RequestType::kDownload;
        } else if (equals_lower(text, "install")) {
          record.type = RequestType::kInstall;
        } else if (equals_lower(text, "update")) {
          record.type = RequestType::kUpdate;
        } else {
          return bad("unknown request type `" + std::string(text.substr(0, 40)) + "` (download, install or update)");
        }
        have_type = true;
        break;
      }
      case kTime: {
        std::string_view text;
        if (value.get_string().get(text)) return bad(name + " must be an RFC 3339 string");
        auto t = parse_rfc3339(text);
        if (!t) return bad(name + ": " + t.error().message());
        record.time = *t;
        have_time = true;
        break;
      }
      case kIgnored: break;
    }
  }
  if (have_type || have_time) {
    if (!have_type) return bad("a request needs `type` (download, install or update)");
    if (!have_time) return bad("a request needs `time` (RFC 3339)");
    if (countries_.size() > 1) return bad("a request names one `country`");
    record.kind = StoreRecordKind::kRequest;
  } else if (have_storefronts) {
    record.kind = StoreRecordKind::kListing;
  } else {
    return bad("neither a listing (no `storefronts`) nor a request (no `type` and `time`)");
  }
  if (record.id_count == 0) return bad("no app id (one of `app`, `app_id`, `bundle_id`, `store_id`, `track_id`, `id`)");
  return true;
}

}  // namespace interdict
