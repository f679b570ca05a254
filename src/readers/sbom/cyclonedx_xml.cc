// CycloneDX XML, spec versions 1.2 to 1.6 (cyclonedx.org/docs/1.6/xml). What is read,
// by local element name whatever the namespace prefix:
//
//   bom        = <bom> <metadata> <component/> </metadata> <components> component* </components> </bom>
//   component  = <component bom-ref="..."> <group/> <name/> <version/> <purl/>
//                  <components> component* </components> </component>
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "readers/sbom/cyclonedx.h"
#include "readers/sbom/json_input.h"
#include "readers/sbom/xml_input.h"

namespace interdict::manifest {
namespace {

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
  read_xml_manifest<CycloneDxXmlReader>(text, "bom", out);
}

}  // namespace interdict::manifest
