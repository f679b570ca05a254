// XML manifests: see xml_input.h.
#include "readers/sbom/xml_input.h"

#include <algorithm>
#include <cctype>

namespace interdict::manifest {

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::uint64_t offset_of(const pugi::xml_node& node) {
  const std::ptrdiff_t offset = node.offset_debug();
  return offset > 0 ? static_cast<std::uint64_t>(offset - 1) : 0;  // back to the '<'
}

XmlManifest::XmlManifest(std::string_view text)
    : result(doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8)) {
  if (!result) {
    for (pugi::xml_node node = doc.last_child(); node; node = node.last_child()) open.push_back(node);
  }
}

pugi::xml_node XmlManifest::root(std::string_view root, Emitter& out) const {
  const pugi::xml_node element = doc.document_element();
  if (element && local_name(element) != root) {
    out.damage(offset_of(element),
               "root element is `" + std::string(local_name(element)) + "`, not `" + std::string(root) + "`", true);
    return {};
  }
  return element;
}

void XmlManifest::report_end(Emitter& out) const {
  if (!result) {
    std::string reason = "xml not well-formed: ";
    for (const char* p = result.description(); *p != '\0'; ++p) {
      reason.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
    }
    out.damage(static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(result.offset, 0)), reason, true);
  } else if (!doc.document_element()) {
    out.damage(0, "no root element", true);
  }
}

}  // namespace interdict::manifest
