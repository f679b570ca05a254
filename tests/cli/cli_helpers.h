// Test helpers for the command line: run the built `interdict` through /bin/sh, capture
// its standard output, standard error and exit status, and make temporary files and folders.
#pragma once

#include <gtest/gtest.h>
#include <simdjson.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace interdict::testing {

// A folder under $TMPDIR, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "interdict-cli-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  // Writes `text` to `name` inside the folder and returns the full path.
  std::string write(const std::string& name, std::string_view text) const {
    std::filesystem::path file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

// `text` quoted for /bin/sh.
inline std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct CommandResult {
  int exit_code = -1;  // the status passed to exit(), or -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs `interdict ARGS` with /bin/sh; `args` is shell text (quote paths with shell_quote).
// Standard input is `stdin_text`, or /dev/null when it is empty.
inline CommandResult run_interdict(const std::string& args, std::string_view stdin_text = {}) {
  TempDir scratch;
  std::string input = stdin_text.empty() ? "/dev/null" : scratch.write("stdin", stdin_text);
  std::string err_path = (scratch.path() / "stderr").string();
  std::string command =
      shell_quote(INTERDICT_BINARY) + " " + args + " <" + shell_quote(input) + " 2>" + shell_quote(err_path);
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "popen failed: " << command;
    return result;
  }
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(err_path);
  return result;
}

// A bundled file, e.g. "samples/check/transactions.jsonl", by its absolute path.
inline std::string source_path(const std::string& relative) {
  return std::string(INTERDICT_SOURCE_DIR) + "/" + relative;
}

// The lines of `text`, without their "\n"; a final empty line is dropped.
inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// One JSON object per line of `jsonl`, parsed; fails the test on a line that is not JSON.
class JsonLines {
 public:
  explicit JsonLines(const std::string& jsonl) {
    for (const std::string& line : split_lines(jsonl)) {
      auto parser = std::make_unique<simdjson::dom::parser>();
      simdjson::dom::element doc;
      auto error = parser->parse(line).get(doc);
      EXPECT_FALSE(error) << "not JSON: " << line;
      if (error) continue;
      docs_.push_back(doc);
      parsers_.push_back(std::move(parser));
    }
  }
  [[nodiscard]] std::size_t size() const { return docs_.size(); }
  [[nodiscard]] simdjson::dom::element operator[](std::size_t i) const { return docs_.at(i); }

 private:
  std::vector<std::unique_ptr<simdjson::dom::parser>> parsers_;
  std::vector<simdjson::dom::element> docs_;
};

// The string at `key` of a JSON object, "null" for null, "<missing>" when absent or not a string.
inline std::string str(simdjson::dom::element obj, std::string_view key) {
  simdjson::dom::element value;
  if (obj[key].get(value)) return "<missing>";
  if (value.is_null()) return "null";
  std::string_view s;
  if (value.get_string().get(s)) return "<missing>";
  return std::string(s);
}

inline std::int64_t integer(simdjson::dom::element obj, std::string_view key) {
  std::int64_t value = -1;
  if (obj[key].get_int64().get(value)) return -1;
  return value;
}

inline bool have_jq() { return std::system("command -v jq >/dev/null 2>&1") == 0; }

// An order of one's own that prohibits `activities` (TOML array text, e.g. "[\"code\"]")
// for `subjects` (e.g. "[\"wechat-pay\"]") in the US since 2020: in force whenever a test
// runs, for tests that need a `prohibited` answer the bundled orders no longer give.
inline std::string order_in_force(const std::string& id, const std::string& activities, const std::string& subjects) {
  const std::string source = "source = \"https://example.org/order\"\nconfidence = \"confirmed\"\n";
  std::string out = "[order]\nid = \"" + id + "\"\ntitle = \"A ban in force\"\nauthority = \"Test authority\"\n" +
                    "citation = \"1 TR 1\"\njurisdiction = [\"US\"]\n" + source;
  out += "\n[[prohibition]]\nid = \"1\"\ntitle = \"The prohibited transactions\"\nactivities = " + activities +
         "\nsubjects = " + subjects + "\ntext = \"Any such transaction with parties in the US.\"\n" + source;
  for (const char* kind : {"published", "effective"}) {
    out += std::string("\n[[event]]\nid = \"") + kind + "\"\nkind = \"" + kind +
           "\"\nat = 2020-01-01T00:00:00Z\nrecorded = 2020-01-01T00:00:00Z\ntitle = \"" + kind + "\"\n" + source;
  }
  return out;
}

}  // namespace interdict::testing
