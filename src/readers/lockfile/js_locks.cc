// yarn.lock and pnpm-lock.yaml, read line by line (their YAML is regular enough; nothing
// here needs a YAML library). What is read:
//
// yarn v1 (classic.yarnpkg.com/lang/en/docs/yarn-lock) and berry (yarn 2+, YAML):
//   entry    = descriptors ":" NL ( "  version " quoted NL | "  version: " value NL | other )*
//   descriptors = descriptor ( ", " descriptor )*, the whole or each part maybe quoted
//   descriptor  = name "@" range, range "npm:^1.0.0" (berry), "npm:real@^1" (an alias),
//                 "workspace:." (the project: role "self")
//   "__metadata:" (berry) and "#" comments are skipped.
// pnpm (github.com/pnpm/spec/tree/master/lockfile):
//   "lockfileVersion: " v NL ... "packages:" NL ( "  " key ":" NL ( "    " field NL )* )*
//   key      = "/" name "/" version [ "_" peers ]                    lockfile 5.x
//            | "/" name "@" version [ "(" peers ")" ]               lockfile 6.x
//            | name "@" version [ "(" peers ")" ], maybe quoted      lockfile 9.x
#include <string>

#include "readers/lockfile/parsers.h"

namespace interdict::manifest {
namespace {

std::string_view strip_cr(std::string_view text) {
  return text.ends_with('\r') ? text.substr(0, text.size() - 1) : text;
}

std::string_view strip_quotes(std::string_view text) {
  while (text.starts_with('"') || text.starts_with('\'')) text.remove_prefix(1);
  while (text.ends_with('"') || text.ends_with('\'')) text.remove_suffix(1);
  return text;
}

class YarnReader {
 public:
  explicit YarnReader(Emitter& out) : out_(out) {}

  void line(const Line& line) {
    const std::string_view text = strip_cr(line.text);
    if (trim(text).empty() || trim(text).starts_with('#')) return;
    const std::size_t indent = indent_of(text);
    if (indent == 0) {
      flush();
      if (!text.ends_with(':')) {
        out_.damage_at_line(line.number, line.offset, "entry line does not end with `:`");
        return;
      }
      const std::string_view keys = text.substr(0, text.size() - 1);
      if (keys == "__metadata") return;
      start(line, strip_quotes(trim(keys.substr(0, keys.find(',')))));
    } else if (open_ && indent == 2) {
      const std::string_view field = trim(text);
      if (!field.starts_with("version")) return;
      std::string_view rest = field.substr(7);
      if (rest.starts_with(':')) rest.remove_prefix(1);
      if (!rest.empty() && rest.front() != ' ') return;  // "versionFoo"
      version_ = unquote(trim(rest));
    }
  }

  void flush() {
    if (!open_) return;
    open_ = false;
    out_.package_at_line(npm_parts(name_, version_), name_, role_, start_.number, start_.offset);
  }

 private:
  void start(const Line& line, std::string_view descriptor) {
    const std::size_t at = descriptor.find('@', 1);
    if (at == std::string_view::npos || at + 1 >= descriptor.size()) {
      out_.damage_at_line(line.number, line.offset, "entry `" + std::string(descriptor) + "` is not `name@range`");
      return;
    }
    name_ = descriptor.substr(0, at);
    const std::string_view range = descriptor.substr(at + 1);
    role_ = range.starts_with("workspace:") ? "self" : "dependency";
    if (range.starts_with("npm:")) {
      const std::string_view target = range.substr(4);
      const std::size_t alias = target.find('@', 1);
      if (alias != std::string_view::npos) name_ = target.substr(0, alias);
    }
    version_ = {};
    start_ = line;
    open_ = true;
  }

  Emitter& out_;
  bool open_ = false;
  Line start_;
  std::string_view name_;
  std::string_view version_;
  std::string_view role_;
};

class PnpmReader {
 public:
  explicit PnpmReader(Emitter& out) : out_(out) {}

  void line(const Line& line) {
    const std::string_view text = strip_cr(line.text);
    if (trim(text).empty() || trim(text).starts_with('#')) return;
    const std::size_t indent = indent_of(text);
    if (indent == 0) {
      in_packages_ = text == "packages:";
      if (text.starts_with("lockfileVersion:")) read_version(text.substr(16));
      return;
    }
    if (!in_packages_ || indent != 2) return;
    std::string_view entry = trim(text);
    const std::size_t flow = entry.find(": {");  // "key: {resolution: ...}" on one line
    if (flow != std::string_view::npos) entry = entry.substr(0, flow + 1);
    if (!entry.ends_with(':')) {
      out_.damage_at_line(line.number, line.offset, "package key does not end with `:`");
      return;
    }
    read_key(line, strip_quotes(entry.substr(0, entry.size() - 1)));
  }

 private:
  void read_version(std::string_view value) {
    value = strip_quotes(trim(value));
    major_ = 0;
    for (const char c : value) {
      if (c < '0' || c > '9' || major_ > 100000) break;
      major_ = major_ * 10 + (c - '0');
    }
  }

  void read_key(const Line& line, std::string_view key) {
    if (key.starts_with('/')) key.remove_prefix(1);
    std::string_view name, version;
    const std::size_t at = key.find('@', 1);
    const bool slash_form = major_ > 0 ? major_ < 6 : at == std::string_view::npos;
    if (slash_form) {
      const std::size_t slash = key.rfind('/');
      if (slash != std::string_view::npos && slash > 0) {
        name = key.substr(0, slash);
        version = key.substr(slash + 1);
        version = version.substr(0, version.find('_'));
      }
    } else if (at != std::string_view::npos) {
      name = key.substr(0, at);
      version = key.substr(at + 1);
      version = version.substr(0, version.find('('));
    }
    if (name.empty() || version.empty() || (name.starts_with('@') && name.find('/') == std::string_view::npos)) {
      out_.damage_at_line(line.number, line.offset, "package key `" + std::string(key) + "` is not name and version");
      return;
    }
    out_.package_at_line(npm_parts(name, version), name, "dependency", line.number, line.offset);
  }

  Emitter& out_;
  bool in_packages_ = false;
  int major_ = 0;
};

}  // namespace

void parse_yarn_lock(std::string_view text, Emitter& out) {
  YarnReader reader(out);
  for_each_line(text, [&](const Line& line) { reader.line(line); });
  reader.flush();
}

void parse_pnpm_lock(std::string_view text, Emitter& out) {
  PnpmReader reader(out);
  for_each_line(text, [&](const Line& line) { reader.line(line); });
}

}  // namespace interdict::manifest
