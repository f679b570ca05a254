// Internal to the manifest readers (sbom/ and lockfile/): an XML manifest (CycloneDX XML,
// Maven POM) parsed in place by pugixml, read by local element name whatever the namespace
// prefix, and what a document that breaks off leaves behind.
#pragma once

#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/sbom/emitter.h"

namespace interdict::manifest {

// "cdx:component" -> "component".
[[nodiscard]] std::string_view local_name(const pugi::xml_node& node);

// The byte offset of the element's '<', 0 when pugixml does not know it.
[[nodiscard]] std::uint64_t offset_of(const pugi::xml_node& node);

// Parses `text` and hands its root element, when named `root`, to
// `Reader(out, open).read(root)`. `open` lists the elements still open where a broken
// document breaks off: their content is cut, so readers leave them out. After the reader,
// a break is one fatal damage at its offset; a document without a root element, or with
// another root, is one fatal damage too.
template <typename Reader>
void read_xml_manifest(std::string_view text, std::string_view root, Emitter& out);

// What read_xml_manifest does around the reader, apart so that the template stays small.
struct XmlManifest {
  pugi::xml_document doc;
  pugi::xml_parse_result result;
  std::vector<pugi::xml_node> open;
  XmlManifest(std::string_view text);  // NOLINT: parses in place
  // The root element if named `root`; a null node (after reporting) otherwise.
  [[nodiscard]] pugi::xml_node root(std::string_view root, Emitter& out) const;
  void report_end(Emitter& out) const;
};

template <typename Reader>
void read_xml_manifest(std::string_view text, std::string_view root, Emitter& out) {
  XmlManifest xml(text);
  const pugi::xml_node element = xml.root(root, out);
  if (!element && xml.doc.document_element()) return;  // another root: reported, nothing to read
  if (element) Reader(out, std::move(xml.open)).read(element);
  xml.report_end(out);
}

}  // namespace interdict::manifest
