// Gradle: the dependency lockfile and the dependency lines of build scripts, Groovy and
// Kotlin DSL alike. What is read:
//
// gradle.lockfile (docs.gradle.org/current/userguide/dependency_locking.html):
//   line     = "#" comment | "empty=" configurations | group ":" artifact ":" version "=" configurations
// build.gradle, build.gradle.kts (docs.gradle.org/current/userguide/declaring_dependencies.html):
//   dependency = configuration [ "(" ] ( string | wrapper "(" string ")" | map ) ...
//   configuration = implementation | api | compileOnly | runtimeOnly | kapt | ksp | classpath
//                 | annotationProcessor | compile | provided | ... | <variant>Implementation ...
//   string   = "'" coordinates "'" | '"' coordinates '"'   (coordinates: group:artifact[:version[:classifier]][@type])
//   wrapper  = platform | enforcedPlatform | testFixtures
//   map      = group (":" | "=") string "," name (":" | "=") string [ "," version (":" | "=") string ]
//   repository = maven "{" ... url ... string ... "}" | maven "(" [ url "=" ] string ")"
//   variable = [ def | val | var ] [ ext. ] identifier "=" string   ($identifier, ${identifier})
// Anything else (version catalogs' libs.x, project(":x"), files(...)) is left alone.
#include <string>
#include <utility>
#include <vector>

#include "readers/lockfile/parsers.h"

namespace interdict::manifest {
namespace {

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The first quoted string at or after `from`: its content and position in `text`.
struct Literal {
  std::string_view value;
  std::size_t at = std::string_view::npos;
};
Literal find_literal(std::string_view text, std::size_t from = 0) {
  const std::size_t open = text.find_first_of("'\"", from);
  if (open == std::string_view::npos) return {};
  const std::size_t close = text.find(text[open], open + 1);
  if (close == std::string_view::npos) return {{}, open};  // unclosed: at set, value empty
  return {text.substr(open + 1, close - open - 1), open + 1};
}

// `text` without a trailing // comment (quotes respected).
std::string_view strip_comment(std::string_view text) {
  char quote = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '/' && text[i + 1] == '/') {
      return text.substr(0, i);
    }
  }
  return text;
}

bool is_configuration(std::string_view word) {
  static constexpr std::string_view kNames[] = {"implementation",
                                                "api",
                                                "compile",
                                                "compileOnly",
                                                "runtimeOnly",
                                                "runtime",
                                                "testCompile",
                                                "kapt",
                                                "ksp",
                                                "annotationProcessor",
                                                "classpath",
                                                "provided",
                                                "compileOnlyApi",
                                                "coreLibraryDesugaring",
                                                "lintChecks",
                                                "wearApp",
                                                "debugCompile",
                                                "releaseCompile"};
  for (const std::string_view name : kNames) {
    if (word == name) return true;
  }
  static constexpr std::string_view kSuffixes[] = {"Implementation", "Api", "CompileOnly", "RuntimeOnly",
                                                   "AnnotationProcessor"};
  for (const std::string_view suffix : kSuffixes) {
    if (word.size() > suffix.size() && word.ends_with(suffix)) return true;
  }
  return false;
}

// The string after `key` followed by ':' or '=' in a map-form dependency, or "".
std::string_view map_value(std::string_view text, std::string_view key) {
  std::size_t pos = 0;
  while ((pos = text.find(key, pos)) != std::string_view::npos) {
    const bool starts = pos == 0 || !is_identifier_char(text[pos - 1]);
    std::size_t after = pos + key.size();
    while (after < text.size() && text[after] == ' ') ++after;
    if (starts && after < text.size() && (text[after] == ':' || text[after] == '=')) {
      const Literal literal = find_literal(text, after + 1);
      return literal.value;
    }
    pos += key.size();
  }
  return {};
}

class GradleBuildReader {
 public:
  explicit GradleBuildReader(Emitter& out) : out_(out) {}

  void line(const Line& line) {
    std::string_view text = line.text;
    if (in_comment_) {
      const std::size_t end = text.find("*/");
      if (end == std::string_view::npos) return;
      in_comment_ = false;
      text.remove_prefix(end + 2);
    }
    text = strip_comment(text);
    const std::size_t open = text.find("/*");
    if (open != std::string_view::npos && text.find("*/", open) == std::string_view::npos) {
      in_comment_ = true;
      text = text.substr(0, open);
    }
    const std::uint64_t base = line.offset + static_cast<std::uint64_t>(text.data() - line.text.data());
    read_repository(line, text, base);
    read_variable(text);
    read_dependency(line, text, base);
  }

 private:
  void read_repository(const Line& line, std::string_view text, std::uint64_t base) {
    std::size_t from = 0;
    if (!repository_open_) {
      const std::size_t at = find_maven(text);
      if (at == std::string_view::npos) return;
      repository_open_ = true;
      repository_depth_ = 0;
      from = at;
    }
    const Literal literal = find_literal(text, from);
    if (!literal.value.empty() && literal.value.find("://") != std::string_view::npos) {
      out_.url_at_line(literal.value, "repository", line.number, base + literal.at);
      repository_open_ = false;
      return;
    }
    // Nested blocks (credentials { ... }) keep the repository open until its own bracket closes.
    for (const char c : text.substr(from)) {
      if (c == '{' || c == '(') ++repository_depth_;
      if (c == '}' || c == ')') --repository_depth_;
    }
    if (repository_depth_ <= 0) repository_open_ = false;  // closed without a url
  }

  // Where "maven {" or "maven(" starts, or npos.
  static std::size_t find_maven(std::string_view text) {
    std::size_t pos = 0;
    while ((pos = text.find("maven", pos)) != std::string_view::npos) {
      std::size_t after = pos + 5;
      const bool starts = pos == 0 || (!is_identifier_char(text[pos - 1]) && text[pos - 1] != '.');
      while (after < text.size() && text[after] == ' ') ++after;
      if (starts && after < text.size() && (text[after] == '{' || text[after] == '(')) return after;
      pos += 5;
    }
    return std::string_view::npos;
  }

  void read_variable(std::string_view text) {
    text = trim(text);
    for (const std::string_view prefix : {"def ", "val ", "var ", "ext."}) {
      if (text.starts_with(prefix)) text = trim(text.substr(prefix.size()));
    }
    std::size_t end = 0;
    while (end < text.size() && is_identifier_char(text[end])) ++end;
    if (end == 0) return;
    const std::string_view rest = trim(text.substr(end));
    if (!rest.starts_with('=') || rest.starts_with("==")) return;
    const std::string_view value = trim(rest.substr(1));
    if (value.size() < 2 || (value.front() != '\'' && value.front() != '"') || value.back() != value.front()) return;
    variables_.emplace_back(text.substr(0, end), value.substr(1, value.size() - 2));
  }

  // A version "$name" or "${name}" from a variable seen earlier; "" when unknown.
  std::string_view resolve(std::string_view version) const {
    if (!version.starts_with('$')) return version;
    std::string_view name = version.substr(1);
    if (name.starts_with('{') && name.ends_with('}')) name = name.substr(1, name.size() - 2);
    for (auto it = variables_.rbegin(); it != variables_.rend(); ++it) {
      if (it->first == name && !it->second.starts_with('$')) return it->second;
    }
    return {};
  }

  void read_dependency(const Line& line, std::string_view text, std::uint64_t base) {
    const std::string_view trimmed = trim(text);
    std::size_t end = 0;
    while (end < trimmed.size() && is_identifier_char(trimmed[end])) ++end;
    if (end == 0 || end == trimmed.size() || !is_configuration(trimmed.substr(0, end))) return;
    const std::string_view rest = trimmed.substr(end);
    if (rest.front() != ' ' && rest.front() != '(' && rest.front() != '\t') return;
    const std::size_t offset_in_line = static_cast<std::size_t>(trimmed.data() - text.data()) + end;
    MavenCoordinates coordinates;
    // The first call or literal decides: libs.x, project(":x") and files("x") are not
    // coordinates, and a map is only a map when no string comes first.
    const std::string_view first = trim(rest.starts_with('(') ? rest.substr(1) : rest);
    const bool literal_first = first.starts_with('\'') || first.starts_with('"') || first.starts_with("platform(") ||
                               first.starts_with("enforcedPlatform(") || first.starts_with("testFixtures(");
    if (literal_first) {
      const Literal literal = find_literal(rest);
      if (literal.at == std::string_view::npos) return;
      if (literal.value.empty() || !parse_maven_coordinates(literal.value, coordinates)) {
        out_.damage_at_line(line.number, base + offset_in_line + literal.at,
                            "dependency `" + std::string(literal.value) + "` is not `group:artifact[:version]`");
        return;
      }
    } else if (first.starts_with("group")) {
      coordinates.group = map_value(rest, "group");
      coordinates.artifact = map_value(rest, "name");
      coordinates.version = map_value(rest, "version");
      if (coordinates.group.empty() || coordinates.artifact.empty()) {
        out_.damage_at_line(line.number, base + offset_in_line, "map dependency without `group` or `name`");
        return;
      }
    } else {
      return;
    }
    coordinates.version = resolve(coordinates.version);
    emit_maven(out_, coordinates, "dependency", line.number, base + offset_in_line, qualifiers_, component_);
  }

  Emitter& out_;
  bool in_comment_ = false;
  bool repository_open_ = false;
  int repository_depth_ = 0;  // brackets open since "maven"
  std::vector<std::pair<std::string_view, std::string_view>> variables_;
  std::string qualifiers_;
  std::string component_;
};

}  // namespace

void parse_gradle_build(std::string_view text, Emitter& out) {
  GradleBuildReader reader(out);
  for_each_line(text, [&](const Line& line) { reader.line(line); });
}

void parse_gradle_lock(std::string_view text, Emitter& out) {
  std::string qualifiers, component;
  for_each_line(text, [&](const Line& line) {
    const std::string_view content = trim(line.text);
    if (content.empty() || content.starts_with('#') || content.starts_with("empty=")) return;
    const std::size_t equals = content.find('=');
    MavenCoordinates coordinates;
    if (equals == std::string_view::npos || !parse_maven_coordinates(content.substr(0, equals), coordinates) ||
        coordinates.version.empty()) {
      out.damage_at_line(line.number, line.offset, "line is not `group:artifact:version=configurations`");
      return;
    }
    emit_maven(out, coordinates, "dependency", line.number, line.offset, qualifiers, component);
  });
}

}  // namespace interdict::manifest
