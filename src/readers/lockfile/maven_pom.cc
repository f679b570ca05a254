// Maven pom.xml (maven.apache.org/ref/3.9.6/maven-model/maven.html), by local element name
// whatever the namespace prefix. What is read:
//
//   project   = <project> groupId artifactId version <parent> groupId artifactId version </parent>
//                 <properties> (<name>value</name>)* </properties>
//                 dependencies <dependencyManagement> dependencies </dependencyManagement>
//                 <repositories> (<repository> <url/> </repository>)* </repositories>
//                 <pluginRepositories> (<pluginRepository> <url/>)* </pluginRepositories>
//                 <profiles> (<profile> dependencies, dependencyManagement, repositories)* </profiles>
//   dependencies = <dependencies> (<dependency> groupId artifactId version? classifier? type?)* </dependencies>
//
// ${name} is resolved from <properties> and project.version, project.groupId,
// project.artifactId, project.parent.version, project.parent.groupId; an unknown property
// leaves the version out. Values come from the pom alone: no parent pom is fetched.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "readers/lockfile/parsers.h"
#include "readers/sbom/xml_input.h"

namespace interdict::manifest {
namespace {

constexpr int kMaxExpansions = 16;

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (const pugi::xml_node& c : node.children()) {
    if (local_name(c) == name) return c;
  }
  return {};
}

std::string_view text_of(const pugi::xml_node& node, std::string_view name) {
  return trim(child(node, name).child_value());
}

class PomReader {
 public:
  PomReader(Emitter& out, std::vector<pugi::xml_node> open) : out_(out), open_(std::move(open)) {}

  void read(const pugi::xml_node& project) {
    const pugi::xml_node parent = child(project, "parent");
    for (const pugi::xml_node& p : child(project, "properties").children()) {
      if (p.type() == pugi::node_element) properties_.emplace_back(local_name(p), trim(p.child_value()));
    }
    const std::string_view group = text_of(project, "groupId");
    const std::string_view version = text_of(project, "version");
    properties_.emplace_back("project.groupId", group.empty() ? text_of(parent, "groupId") : group);
    properties_.emplace_back("project.artifactId", text_of(project, "artifactId"));
    properties_.emplace_back("project.version", version.empty() ? text_of(parent, "version") : version);
    properties_.emplace_back("version", version.empty() ? text_of(parent, "version") : version);
    properties_.emplace_back("project.parent.groupId", text_of(parent, "groupId"));
    properties_.emplace_back("project.parent.version", text_of(parent, "version"));
    if (parent) emit(parent, "parent");
    emit_self(project, parent);
    read_scope(project);
    for (const pugi::xml_node& profile : child(project, "profiles").children()) {
      if (local_name(profile) == "profile") read_scope(profile);
    }
  }

 private:
  void read_scope(const pugi::xml_node& scope) {
    read_dependencies(child(scope, "dependencies"));
    read_dependencies(child(child(scope, "dependencyManagement"), "dependencies"));
    for (const std::string_view list : {"repositories", "pluginRepositories"}) {
      for (const pugi::xml_node& repository : child(scope, list).children()) {
        const pugi::xml_node url = child(repository, "url");
        if (!url || is_open(repository)) continue;
        out_.url(resolve(trim(url.child_value()), buffers_[0]), "repository", offset_of(url));
      }
    }
  }

  void read_dependencies(const pugi::xml_node& list) {
    for (const pugi::xml_node& dependency : list.children()) {
      if (local_name(dependency) == "dependency") emit(dependency, "dependency");
    }
  }

  void emit_self(const pugi::xml_node& project, const pugi::xml_node& parent) {
    if (text_of(project, "artifactId").empty()) return;
    MavenCoordinates c;
    c.group = resolve(text_of(project, "groupId"), buffers_[0]);
    if (c.group.empty()) c.group = resolve(text_of(parent, "groupId"), buffers_[0]);
    c.artifact = resolve(text_of(project, "artifactId"), buffers_[1]);
    c.version = resolve(text_of(project, "version"), buffers_[2]);
    if (c.version.empty()) c.version = resolve(text_of(parent, "version"), buffers_[2]);
    if (c.group.empty()) return;
    emit_maven(out_, c, "self", out_.line_at(offset_of(project)), offset_of(project), qualifiers_, component_);
  }

  void emit(const pugi::xml_node& node, std::string_view role) {
    if (is_open(node)) return;
    MavenCoordinates c;
    c.group = resolve(text_of(node, "groupId"), buffers_[0]);
    c.artifact = resolve(text_of(node, "artifactId"), buffers_[1]);
    c.version = resolve(text_of(node, "version"), buffers_[2]);
    c.classifier = resolve(text_of(node, "classifier"), buffers_[3]);
    c.type = text_of(node, "type");
    if (c.type == "jar") c.type = {};
    const std::uint64_t offset = offset_of(node);
    if (c.group.empty() || c.artifact.empty()) {
      out_.damage(offset, std::string(role) + " without groupId or artifactId");
      return;
    }
    emit_maven(out_, c, role, out_.line_at(offset), offset, qualifiers_, component_);
  }

  // `value` with ${name} expanded into `buffer`; "" if a property is unknown.
  std::string_view resolve(std::string_view value, std::string& buffer) const {
    if (value.find("${") == std::string_view::npos) return value;
    buffer.assign(value);
    for (int i = 0; i < kMaxExpansions; ++i) {
      const std::size_t open = buffer.find("${");
      if (open == std::string::npos) return buffer;
      const std::size_t close = buffer.find('}', open);
      if (close == std::string::npos) return {};
      const std::string_view name = std::string_view(buffer).substr(open + 2, close - open - 2);
      const auto it =
          std::find_if(properties_.rbegin(), properties_.rend(), [&](const auto& p) { return p.first == name; });
      if (it == properties_.rend() || it->second.empty()) return {};
      const std::string replacement(it->second);
      buffer.replace(open, close - open + 1, replacement);
    }
    return {};  // a property that refers to itself
  }

  bool is_open(const pugi::xml_node& node) const { return std::find(open_.begin(), open_.end(), node) != open_.end(); }

  Emitter& out_;
  std::vector<pugi::xml_node> open_;  // elements still open where parsing stopped
  std::vector<std::pair<std::string_view, std::string_view>> properties_;
  std::string buffers_[4];
  std::string qualifiers_;
  std::string component_;
};

}  // namespace

void parse_maven_pom(std::string_view text, Emitter& out) { read_xml_manifest<PomReader>(text, "project", out); }

}  // namespace interdict::manifest
