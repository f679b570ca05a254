// SPDX 2.x tag-value (spdx.github.io/spdx-spec/v2.3, clauses 7 and 11; the format itself
// in the spec's annex on tag-value). What is read:
//
//   line     = tag ":" SP value | "#" comment | empty
//   value    = text | "<text>" text-spanning-lines "</text>"
//   package  = "PackageName:" name, then until the next PackageName, FileName,
//              SnippetSPDXID or LicenseID line:
//              "SPDXID:" id, "PackageVersion:" version,
//              "ExternalRef:" category SP type SP locator   (category PACKAGE-MANAGER or
//                                                             PACKAGE_MANAGER, type purl)
//   roots    = "DocumentDescribes:" id | "Relationship:" "SPDXRef-DOCUMENT DESCRIBES" id
#include <algorithm>
#include <string>
#include <vector>

#include "readers/sbom/spdx.h"

namespace interdict::manifest {
namespace {

struct Line {
  std::string_view text;
  std::uint64_t number = 0;
  std::uint64_t offset = 0;
};

// Walks the tag lines of `text`, skipping comments and <text> blocks; `visit(line, tag,
// value)` sees each. Lines without a tag go to `bad(line)`. Returns false, after a fatal
// damage to `out` (none if null), when a <text> block is never closed.
template <typename Visit, typename Bad>
bool for_tags(std::string_view text, Emitter* out, Visit&& visit, Bad&& bad) {
  Line line;
  std::size_t pos = 0;
  Line block;  // the line that opened an unclosed <text> block
  bool in_block = false;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    line = {text.substr(pos, end - pos), line.number + 1, pos};
    pos = end + 1;
    if (in_block) {
      in_block = line.text.find("</text>") == std::string_view::npos;
      continue;
    }
    const std::string_view content = trim(line.text);
    if (content.empty() || content.front() == '#') continue;
    const std::size_t colon = content.find(':');
    if (colon == std::string_view::npos) {
      bad(line);
      continue;
    }
    const std::string_view value = trim(content.substr(colon + 1));
    if (value.starts_with("<text>") && value.find("</text>") == std::string_view::npos) {
      in_block = true;
      block = line;
    }
    visit(line, trim(content.substr(0, colon)), value);
  }
  if (in_block) {
    if (out != nullptr) out->damage_at_line(block.number, block.offset, "`<text>` block never closed", true);
    return false;
  }
  return true;
}

struct PurlRef {
  std::string_view purl;
  Line line;
};

class TagValueReader {
 public:
  explicit TagValueReader(Emitter& out) : out_(out) {}

  void read(std::string_view text) {
    for_tags(
        text, nullptr,
        [&](const Line&, std::string_view tag, std::string_view value) {
          if (tag == "DocumentDescribes") roots_.push_back(value);
          if (tag == "Relationship" && value.starts_with("SPDXRef-DOCUMENT DESCRIBES ")) {
            roots_.push_back(trim(value.substr(27)));
          }
        },
        [](const Line&) {});
    const bool complete = for_tags(
        text, &out_, [&](const Line& line, std::string_view tag, std::string_view value) { visit(line, tag, value); },
        [&](const Line& line) { out_.damage_at_line(line.number, line.offset, "line without a `tag:`"); });
    if (complete) flush();
  }

 private:
  void visit(const Line& line, std::string_view tag, std::string_view value) {
    if (tag == "PackageName" || tag == "FileName" || tag == "SnippetSPDXID" || tag == "LicenseID") {
      flush();
      if (tag == "PackageName") {
        in_package_ = true;
        start_ = line;
        name_ = value;
      }
      return;
    }
    if (!in_package_) return;
    if (tag == "SPDXID") {
      id_ = value;
    } else if (tag == "PackageVersion") {
      version_ = value;
    } else if (tag == "ExternalRef") {
      read_ref(line, value);
    }
  }

  // "PACKAGE-MANAGER purl pkg:npm/a@1"
  void read_ref(const Line& line, std::string_view value) {
    const std::size_t first = value.find(' ');
    if (first == std::string_view::npos) {
      out_.damage_at_line(line.number, line.offset, "`ExternalRef` without type and locator");
      return;
    }
    const std::string_view category = value.substr(0, first);
    std::string_view rest = trim(value.substr(first + 1));
    const std::size_t second = rest.find(' ');
    if (second == std::string_view::npos) {
      out_.damage_at_line(line.number, line.offset, "`ExternalRef` without locator");
      return;
    }
    const std::string_view type = rest.substr(0, second);
    const std::string_view locator = trim(rest.substr(second + 1));
    if ((category == "PACKAGE-MANAGER" || category == "PACKAGE_MANAGER") && type == "purl") {
      purls_.push_back({locator, line});
    }
  }

  void flush() {
    if (!in_package_) return;
    const bool self = std::find(roots_.begin(), roots_.end(), id_) != roots_.end();
    const std::string_view role = self ? "self" : "dependency";
    const std::string_view version = version_ == "NOASSERTION" ? std::string_view{} : version_;
    for (const PurlRef& ref : purls_) {
      out_.package(ref.purl, version.empty() ? purl_version(ref.purl) : version, name_, role, ref.line.offset);
    }
    if (purls_.empty() && !name_.empty()) {
      out_.package_at_line(PurlParts{"generic", "", name_, version, "", ""}, name_, role, start_.number, start_.offset);
    } else if (purls_.empty()) {
      out_.damage_at_line(start_.number, start_.offset, "package without name or purl");
    }
    in_package_ = false;
    name_ = id_ = version_ = {};
    purls_.clear();
  }

  Emitter& out_;
  std::vector<std::string_view> roots_;
  bool in_package_ = false;
  Line start_;
  std::string_view name_;
  std::string_view id_;
  std::string_view version_;
  std::vector<PurlRef> purls_;
};

}  // namespace

void decode_spdx_tag_value(std::string_view text, Emitter& out) {
  TagValueReader reader(out);
  reader.read(text);
}

}  // namespace interdict::manifest
