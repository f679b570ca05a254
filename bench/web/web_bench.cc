// Web reader benchmark: the designated pixel in a large minified bundle, found by
// decode_web and by yara (Debian's yara CLI) with the equivalent string rules, in the same
// run. Measures wall time to read the whole file (best of three runs each), after checking
// that both find the pixel URL and `ttq`.
//
// Usage: web_bench [megabytes]   (default 64; the bundle is written to $TMPDIR)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "readers/web/web.h"

namespace {

class CountingSink : public interdict::CodeSink {
 public:
  void item(const interdict::CodeItem& i) override {
    ++items;
    if (i.value == "https://analytics.tiktok.com/i18n/pixel/events.js") found_url = true;
    if (i.value == "ttq") found_ttq = true;
  }
  void damage(const interdict::CodeDamage&) override { ++damages; }
  std::size_t items = 0, damages = 0;
  bool found_url = false, found_ttq = false;
};

// A webpack-like bundle on one line, with the pixel loader once in the middle.
std::string make_bundle(std::size_t bytes) {
  std::string out = "(()=>{var e={";
  const std::string module =
      "123:function(e,t,n){\"use strict\";var r=n(45),o=/[a-z]+\\/\\//i;t.a=function(e){return "
      "r.get(\"/api/items/\"+e).then(function(t){return t.data.filter(function(e){return o.test(e)})})}},";
  bool placed = false;
  while (out.size() < bytes) {
    out += module;
    if (!placed && out.size() > bytes / 2) {
      placed = true;
      out += "9:function(e){var r=\"https://analytics.tiktok.com/i18n/pixel/events.js\";ttq.load(r)},";
    }
  }
  return out + "}})();";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;
  const std::string bundle = make_bundle(megabytes << 20);
  const char* tmp = std::getenv("TMPDIR");
  const std::string dir = tmp != nullptr ? tmp : "/tmp";
  const std::string file = dir + "/interdict_web_bench.js";
  const std::string rules = dir + "/interdict_web_bench.yar";
  std::ofstream(file, std::ios::binary) << bundle;
  std::ofstream(rules) << "rule tiktok_pixel {\n  strings:\n"
                          "    $url = \"analytics.tiktok.com/i18n/pixel/events.js\"\n"
                          "    $ttq = \"ttq.load(\"\n  condition:\n    any of them\n}\n";

  double ours = 1e9;
  CountingSink sink;
  for (int run = 0; run < 3; ++run) {
    sink = CountingSink{};
    const auto start = std::chrono::steady_clock::now();
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    std::string text(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    interdict::decode_web({reinterpret_cast<const std::byte*>(text.data()), text.size()}, "bundle.js", sink);
    ours = std::min(ours, seconds_since(start));
  }
  if (!sink.found_url || !sink.found_ttq) {
    std::fprintf(stderr, "decode_web missed the pixel\n");
    return 1;
  }

  double peer = 1e9;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const std::string command = "yara -s " + rules + " " + file + " > " + dir + "/interdict_web_bench.out";
    if (std::system(command.c_str()) != 0) {
      std::fprintf(stderr, "yara failed or is not installed\n");
      return 1;
    }
    peer = std::min(peer, seconds_since(start));
  }
  std::ifstream out(dir + "/interdict_web_bench.out");
  const std::string matches((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
  if (matches.find("$url") == std::string::npos || matches.find("$ttq") == std::string::npos) {
    std::fprintf(stderr, "yara missed the pixel\n");
    return 1;
  }

  const double mb = static_cast<double>(bundle.size()) / (1 << 20);
  std::printf("bundle %.0f MB, one line; decode_web found %zu distinct items\n", mb, sink.items);
  std::printf("decode_web  %7.3f s  %8.1f MB/s\n", ours, mb / ours);
  std::printf("yara        %7.3f s  %8.1f MB/s\n", peer, mb / peer);
  std::printf("ratio       %7.2fx (yara time / ours)\n", peer / ours);
  std::remove(file.c_str());
  std::remove(rules.c_str());
  return 0;
}
