// CycloneDX XML, spec versions 1.2 to 1.6 (cyclonedx.org/docs/1.6/xml). What is read,
// by local element name whatever the namespace prefix:
//
//   bom        = <bom> <metadata> <component/> </metadata> <components> component* </components> </bom>
//   component  = <component bom-ref="..."> <group/> <name/> <version/> <purl/>
//                  <components> component* </components> </component>
#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "readers/sbom/cyclonedx.h"
#include "readers/sbom/json_input.h"

namespace interdict::manifest {
namespace {

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::uint64_t offset_of(const pugi::xml_node& node) {
  const std::ptrdiff_t offset = node.offset_debug();
  return offset > 0 ? static_cast<std::uint64_t>(offset - 1) : 0;  // back to the '<'
}

class CycloneDxXmlReader {
 public:
  CycloneDxXmlReader(Emitter& out, std::vector<pugi::xml_node> open) : out_(out), open_(std::move(open)) {}

  void read(const pugi::xml_node& bom) {
    for (const pugi::xml_node& child : bom.children()) {
      const std::string_view name = local_name(child);
      if (name == "metadata") {
        for (const pugi::xml_node& item : child.children()) {
          if (local_name(item) == "component") read_component(item, 0, "self");
        }
      } else if (name == "components") {
        read_components(child, 0);
      }
    }
  }

 private:
  void read_components(const pugi::xml_node& list, int depth) {
    if (depth >= kMaxNesting) {
      out_.damage(offset_of(list), "components nested deeper than " + std::to_string(kMaxNesting) + " levels, skipped");
      return;
    }
    for (const pugi::xml_node& item : list.children()) {
      if (local_name(item) == "component") read_component(item, depth, "dependency");
    }
  }

  void read_component(const pugi::xml_node& node, int depth, std::string_view role) {
    Component c;
    c.bom_ref = node.attribute("bom-ref").value();
    for (const pugi::xml_node& child : node.children()) {
      const std::string_view name = local_name(child);
      if (name == "components") {
        read_components(child, depth + 1);
      } else if (name == "name") {
        c.name = trim(child.child_value());
      } else if (name == "group") {
        c.group = trim(child.child_value());
      } else if (name == "version") {
        c.version = trim(child.child_value());
      } else if (name == "purl") {
        c.purl = trim(child.child_value());
      }
    }
    // A component the parse error cut through is incomplete: its purl may be missing.
    if (std::find(open_.begin(), open_.end(), node) != open_.end()) return;
    emit_component(c, role, offset_of(node), out_, scratch_);
  }

  Emitter& out_;
  std::vector<pugi::xml_node> open_;  // elements still open where parsing stopped
  std::string scratch_;
};

}  // namespace

void emit_component(const Component& c, std::string_view role, std::uint64_t offset, Emitter& out,
                    std::string& scratch) {
  std::string_view purl = trim(c.purl);
  if (purl.empty() && trim(c.bom_ref).starts_with("pkg:")) purl = trim(c.bom_ref);
  const bool maven =
      purl.starts_with("pkg:maven/") || (purl.empty() && c.group.find('.') != std::string_view::npos &&
                                         c.group.find('/') == std::string_view::npos && !c.group.starts_with('@'));
  scratch.assign(c.group);
  if (!c.group.empty()) scratch.push_back(maven ? ':' : '/');
  scratch.append(c.name);
  if (!purl.empty()) {
    out.package(purl, c.version.empty() ? purl_version(purl) : c.version, scratch, role, offset);
    return;
  }
  if (c.name.empty()) {
    out.damage(offset, "component without name or purl");
    return;
  }
  PurlParts parts{"generic", c.group, c.name, c.version, "", ""};
  if (c.group.starts_with('@')) {
    parts.type = "npm";
  } else if (maven) {
    parts.type = "maven";
  }
  out.package(parts, scratch, role, offset);
}

void decode_cyclonedx_xml(std::string_view text, Emitter& out) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  std::vector<pugi::xml_node> open;
  if (!result) {
    for (pugi::xml_node node = doc.last_child(); node; node = node.last_child()) open.push_back(node);
  }
  const pugi::xml_node bom = doc.document_element();
  if (bom && local_name(bom) != "bom") {
    out.damage(offset_of(bom), "root element is `" + std::string(local_name(bom)) + "`, not `bom`", true);
    return;
  }
  CycloneDxXmlReader reader(out, std::move(open));
  if (bom) reader.read(bom);
  if (!result) {
    std::string reason = "xml not well-formed: ";
    for (const char* p = result.description(); *p != '\0'; ++p) {
      reason.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
    }
    out.damage(static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(result.offset, 0)), reason, true);
  } else if (!bom) {
    out.damage(0, "no root element", true);
  }
}

}  // namespace interdict::manifest
