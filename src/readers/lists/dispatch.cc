// Format sniffing and the entry points that read lists from files.
#include <fstream>
#include <sstream>
#include <system_error>

#include "readers/lists/list_util.h"

namespace interdict {
namespace {

namespace fs = std::filesystem;
using lists::trim;

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The OFAC set's file names, SDN and Consolidated.
struct OfacNames {
  std::string_view list, primary, address, alias, comments;
};
constexpr OfacNames kSdnNames{"ofac-sdn", "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"};
constexpr OfacNames kConsNames{"ofac-consolidated", "cons_prim.csv", "cons_add.csv", "cons_alt.csv",
                               "cons_comments.csv"};

bool names_member(const OfacNames& set, std::string_view name) {
  return ascii_iequals(name, set.primary) || ascii_iequals(name, set.address) || ascii_iequals(name, set.alias) ||
         ascii_iequals(name, set.comments);
}

std::string_view base_name(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// True when the first line looks like an OFAC row: a number, then a comma.
bool ofac_row(std::string_view head) {
  std::size_t digits = 0;
  while (digits < head.size() && head[digits] >= '0' && head[digits] <= '9') ++digits;
  return digits > 0 && digits < head.size() && head[digits] == ',';
}

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCategory::kIo, "cannot open `" + path.string() + "`", Location{path.string()});
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return Error(ErrorCategory::kIo, "cannot read `" + path.string() + "`", Location{path.string()});
  return std::move(out).str();
}

Result<ListStats> read_ofac_set(const fs::path& folder, const OfacNames& names, ListSink& sink) {
  // Each file keeps its own text and the name given to damage for the whole call.
  std::string texts[4];
  std::string paths[4];
  const std::string_view file_names[4] = {names.primary, names.address, names.alias, names.comments};
  for (int i = 0; i < 4; ++i) {
    const fs::path path = folder / std::string(file_names[i]);
    paths[i] = path.string();
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      if (i == 0) return Error(ErrorCategory::kNotFound, "no `" + paths[0] + "`", Location{paths[0]});
      continue;
    }
    auto text = read_file(path);
    if (!text) return text.error();
    texts[i] = std::move(*text);
  }
  const OfacFiles files{paths[0], texts[0], paths[1], texts[1], paths[2], texts[2], paths[3], texts[3]};
  return decode_ofac_csv(names.list, files, sink);
}

}  // namespace

std::string_view entity_kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kVessel: return "vessel";
    case EntityKind::kAircraft: return "aircraft";
    case EntityKind::kUnknown: break;
  }
  return "unknown";
}

std::string_view list_format_name(ListFormat format) {
  switch (format) {
    case ListFormat::kOfacSdn: return "ofac-sdn";
    case ListFormat::kOfacConsolidated: return "ofac-consolidated";
    case ListFormat::kCsl: return "csl";
    case ListFormat::kUnXml: return "un";
    case ListFormat::kFtmJson: return "opensanctions";
    case ListFormat::kUnknown: break;
  }
  return "unknown";
}

ListFormat sniff_list_format(std::string_view name, std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::string_view body = trim(head);
  if (body.starts_with('<')) {
    return body.find("<CONSOLIDATED_LIST") != std::string_view::npos ? ListFormat::kUnXml : ListFormat::kUnknown;
  }
  if (body.starts_with('{')) {
    return body.find("\"schema\"") != std::string_view::npos ? ListFormat::kFtmJson : ListFormat::kUnknown;
  }
  const std::string_view first_line = head.substr(0, head.find('\n'));
  if (first_line.find("entity_number") != std::string_view::npos && first_line.find("name") != std::string_view::npos &&
      first_line.find("source") != std::string_view::npos) {
    return ListFormat::kCsl;
  }
  if (ofac_row(body)) {
    const std::string_view base = base_name(name);
    return base.size() >= 5 && ascii_iequals(base.substr(0, 5), "cons_") ? ListFormat::kOfacConsolidated
                                                                         : ListFormat::kOfacSdn;
  }
  return ListFormat::kUnknown;
}

ListStats decode_list(ListFormat format, std::string_view name, std::string_view bytes, ListSink& sink) {
  if (format == ListFormat::kUnknown) format = sniff_list_format(name, bytes.substr(0, 4096));
  switch (format) {
    case ListFormat::kOfacSdn:
    case ListFormat::kOfacConsolidated: {
      OfacFiles files;
      files.primary_name = name;
      files.primary = bytes;
      return decode_ofac_csv(list_format_name(format), files, sink);
    }
    case ListFormat::kCsl: return decode_csl_csv(name, bytes, sink);
    case ListFormat::kUnXml: return decode_un_xml(name, bytes, sink);
    case ListFormat::kFtmJson: return decode_ftm_json(name, bytes, sink);
    case ListFormat::kUnknown: break;
  }
  ListStats stats;
  stats.damaged = 1;
  sink.damage(ListDamage{name, 1, 0, "not a sanctions list in a known format", true});
  return stats;
}

Result<ListStats> read_list(const fs::path& path, ListSink& sink) {
  std::error_code ec;
  const std::string shown = path.string();
  if (fs::is_directory(path, ec)) {
    ListStats total;
    bool found = false;
    for (const OfacNames* names : {&kSdnNames, &kConsNames}) {
      if (!fs::is_regular_file(path / std::string(names->primary), ec)) continue;
      found = true;
      auto stats = read_ofac_set(path, *names, sink);
      if (!stats) return stats.error();
      total.entities += stats->entities;
      total.damaged += stats->damaged;
      total.skipped += stats->skipped;
    }
    if (!found) {
      return Error(ErrorCategory::kNotFound, "no sdn.csv or cons_prim.csv in folder `" + shown + "`", Location{shown});
    }
    return total;
  }
  if (!fs::exists(path, ec)) return Error(ErrorCategory::kNotFound, "no such file `" + shown + "`", Location{shown});
  const std::string base = path.filename().string();
  for (const OfacNames* names : {&kSdnNames, &kConsNames}) {
    if (names_member(*names, base)) return read_ofac_set(path.parent_path(), *names, sink);
  }
  auto text = read_file(path);
  if (!text) return text.error();
  const ListFormat format = sniff_list_format(base, std::string_view(*text).substr(0, 4096));
  if (format == ListFormat::kUnknown) {
    return Error(ErrorCategory::kInvalidArgument, "`" + shown + "` is not a sanctions list in a known format",
                 Location{shown});
  }
  // Keep the caller's path in entities and damage; the text lives through the call.
  return decode_list(format, shown, *text, sink);
}

}  // namespace interdict
