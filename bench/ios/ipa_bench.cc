// IPA reader benchmark: a large synthetic IPA (an app binary with hundreds of thousands of
// Objective-C classes, and an embedded framework) read by decode_ipa, against the shell
// pipeline an analyst would use without it: `unzip -p` of each binary into
// `llvm-objdump --macho -s --section=__TEXT,__objc_classname`. Measures wall time, best of
// three, and decode_ipa's peak resident memory against the IPA's size. Both must report the
// framework's WXApi class before a time counts.
//
// Usage: ipa_bench [classes]   (default 400000; files go to $TMPDIR)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "readers/ios/ios.h"
#include "readers/zip/zip.h"

namespace {

void put(std::string& out, std::uint64_t v, int width) {
  for (int i = 0; i < width; ++i) out.push_back(static_cast<char>(v >> (8 * i) & 0xFF));
}

// A 64-bit little-endian Mach-O with one __TEXT,__objc_classname section holding `names`
// and one LC_LOAD_DYLIB per entry of `dylibs`; `padding` bytes of code after it.
std::string macho(const std::vector<std::string>& names, const std::vector<std::string>& dylibs, std::size_t padding) {
  std::string table;
  for (const auto& n : names) table += n + '\0';
  std::size_t commands = 72 + 80;
  for (const auto& d : dylibs) commands += (24 + d.size() + 1 + 7) / 8 * 8;
  const std::size_t data = 32 + commands;
  std::string out;
  put(out, 0xFEEDFACF, 4);
  put(out, 0x0100000C, 4);
  put(out, 0, 4);
  put(out, 2, 4);
  put(out, 1 + dylibs.size(), 4);
  put(out, commands, 4);
  put(out, 0, 8);
  put(out, 0x19, 4);
  put(out, 72 + 80, 4);
  out += std::string("__TEXT\0\0\0\0\0\0\0\0\0\0", 16);
  put(out, 0, 8);
  put(out, data + table.size(), 8);
  put(out, 0, 8);
  put(out, data + table.size(), 8);
  put(out, 5, 4);
  put(out, 5, 4);
  put(out, 1, 4);
  put(out, 0, 4);
  out += std::string("__objc_classname", 16);
  out += std::string("__TEXT\0\0\0\0\0\0\0\0\0\0", 16);
  put(out, data, 8);
  put(out, table.size(), 8);
  put(out, data, 4);
  put(out, 0, 12);  // align, reloff, nreloc
  put(out, 2, 4);   // flags: S_CSTRING_LITERALS, as compilers mark it
  put(out, 0, 12);
  for (const auto& d : dylibs) {
    const std::size_t size = (24 + d.size() + 1 + 7) / 8 * 8;
    put(out, 0xC, 4);
    put(out, size, 4);
    put(out, 24, 4);
    put(out, 0, 12);
    std::string name = d;
    name.resize(size - 24, '\0');
    out += name;
  }
  out += table;
  // Code-like bytes that deflate about as badly as real arm64 code does.
  std::uint64_t x = 88172645463325252ULL;
  for (std::size_t i = 0; i < padding; i += 8) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    put(out, x & 0x00FFFFFF00FFFFFFULL, 8);
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class CountingSink : public interdict::CodeSink {
 public:
  void item(const interdict::CodeItem& i) override {
    ++items;
    if (i.value == "WXApi") found = true;
  }
  void damage(const interdict::CodeDamage&) override { ++damages; }
  std::size_t items = 0, damages = 0;
  bool found = false;
};

bool run(const std::string& command) { return std::system(command.c_str()) == 0; }

// Reads `ipa` three times with decode_ipa and prints the best time and the peak memory.
int read_ipa(const std::string& ipa) {
  const auto ipa_size = std::filesystem::file_size(ipa);
  const int fd = open(ipa.c_str(), O_RDONLY);
  void* mapped = mmap(nullptr, ipa_size, PROT_READ, MAP_PRIVATE, fd, 0);
  const std::span<const std::byte> bytes(static_cast<const std::byte*>(mapped), ipa_size);
  double ours = 1e9;
  CountingSink sink;
  for (int i = 0; i < 3; ++i) {
    sink = CountingSink{};
    const auto start = std::chrono::steady_clock::now();
    auto zip = interdict::ZipArchive::open(bytes, ipa);
    if (!zip) return 1;
    interdict::decode_ipa(*zip, sink);
    ours = std::min(ours, seconds_since(start));
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  if (!sink.found) {
    std::fprintf(stderr, "decode_ipa missed WXApi\n");
    return 1;
  }

  std::printf("decode_ipa            %7.3f s  %zu items  peak RSS %.1f MB for a %.1f MB IPA\n", ours, sink.items,
              usage.ru_maxrss / 1024.0, ipa_size / 1048576.0);
  munmap(mapped, ipa_size);
  close(fd);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "--read") return read_ipa(argv[2]);
  const std::size_t classes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 400000;
  const char* tmp = std::getenv("TMPDIR");
  const std::filesystem::path dir = std::filesystem::path(tmp != nullptr ? tmp : "/tmp") / "interdict_ipa_bench_data";
  std::filesystem::remove_all(dir);
  const std::filesystem::path app = dir / "Payload" / "Big.app";
  const std::filesystem::path sdk = app / "Frameworks" / "WechatOpenSDK.framework";
  std::filesystem::create_directories(sdk);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < classes; ++i) names.push_back("BGFeatureModule" + std::to_string(i) + "ViewController");
  std::ofstream(app / "Big", std::ios::binary)
      << macho(names, {"@rpath/WechatOpenSDK.framework/WechatOpenSDK"}, std::size_t{64} << 20);
  std::ofstream(app / "Info.plist") << "<plist><dict><key>CFBundleIdentifier</key><string>com.example.big</string>"
                                       "<key>CFBundleExecutable</key><string>Big</string></dict></plist>";
  std::ofstream(sdk / "WechatOpenSDK", std::ios::binary) << macho({"WXApi", "WXApiObject"}, {}, std::size_t{8} << 20);
  std::ofstream(sdk / "Info.plist") << "<plist><dict><key>CFBundleShortVersionString</key><string>2.0.4</string>"
                                       "</dict></plist>";
  const std::string ipa = (dir / "Big.ipa").string();
  if (!run("cd " + dir.string() + " && zip -qr -1 Big.ipa Payload")) return 1;
  std::filesystem::remove_all(dir / "Payload");
  const auto ipa_size = std::filesystem::file_size(ipa);

  // decode_ipa runs in a child process so that its peak memory is its own, not the
  // generator's.
  const std::string self = std::filesystem::canonical("/proc/self/exe").string();
  if (!run(self + " --read " + ipa)) return 1;

  double peer = 1e9;
  const std::string out = (dir / "peer.txt").string();
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const std::string objdump =
        "PATH=$PATH:/usr/lib/llvm-14/bin llvm-objdump --macho -s --section=__TEXT,__objc_classname";
    if (!run("cd " + dir.string() + " && unzip -p Big.ipa Payload/Big.app/Big > b && " + objdump + " b > " + out +
             " && unzip -p Big.ipa Payload/Big.app/Frameworks/WechatOpenSDK.framework/WechatOpenSDK > f && " + objdump +
             " f >> " + out + " && rm b f")) {
      std::fprintf(stderr, "peer pipeline failed (unzip, llvm-objdump)\n");
      return 1;
    }
    peer = std::min(peer, seconds_since(start));
  }
  std::ifstream peer_in(out);
  const std::string peer_text((std::istreambuf_iterator<char>(peer_in)), std::istreambuf_iterator<char>());
  if (peer_text.find("WXApi") == std::string::npos) {
    std::fprintf(stderr, "peer missed WXApi\n");
    return 1;
  }
  std::printf("IPA %.1f MB (app binary %zu classes, 64 MB code; framework 8 MB)\n", ipa_size / 1048576.0, classes);
  std::printf("unzip | llvm-objdump  %7.3f s\n", peer);
  std::filesystem::remove_all(dir);
  return 0;
}
