// bench_dex_inventory: the class inventory of APKs, AABs, XAPKs or bare DEX files, as the
// Android benchmark (run.sh) times it against Debian's dexdump and yara.
//
//   bench_dex_inventory [--threads N] [--detect] [--drop-pages] FILE...
//
// Each FILE is mapped and read whole: an archive through decode_android_archive, a DEX
// through decode_dex. Prints "classes N", "urls N" and "damage N"; with --detect also one
// "found PATH CLASS" line per class under a designated SDK prefix (the same prefixes as
// run.sh's yara rules), matched on package boundaries.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "readers/android/android.h"
#include "readers/zip/zip.h"

namespace {

constexpr std::array<std::string_view, 3> kDesignatedPrefixes = {"com.tencent.mm.opensdk", "com.tiktok.open.sdk",
                                                                 "com.bytedance.sdk.openadsdk"};

class CountingSink : public interdict::CodeSink {
 public:
  explicit CountingSink(bool detect) : detect_(detect) {}
  void drop_pages_of(void* map, std::size_t size) {
    map_ = map;
    map_size_ = size;
  }
  void item(const interdict::CodeItem& item) override {
    if (map_ != nullptr && item.path != last_path_) {
      last_path_.assign(item.path);
      (void)madvise(map_, map_size_, MADV_DONTNEED);
    }
    if (item.kind == interdict::CodeKind::kClass && item.role == "class") {
      ++classes;
      if (detect_) check(item);
    } else if (item.kind == interdict::CodeKind::kUrl) {
      ++urls;
    }
  }
  void damage(const interdict::CodeDamage& d) override {
    ++damage_count;
    std::fprintf(stderr, "damage %.*s@%llu: %.*s\n", static_cast<int>(d.path.size()), d.path.data(),
                 static_cast<unsigned long long>(d.offset), static_cast<int>(d.reason.size()), d.reason.data());
  }
  std::uint64_t classes = 0, urls = 0, damage_count = 0;

 private:
  void check(const interdict::CodeItem& item) {
    for (std::string_view prefix : kDesignatedPrefixes) {
      if (item.value.starts_with(prefix) && (item.value.size() == prefix.size() || item.value[prefix.size()] == '.')) {
        std::printf("found %.*s %.*s\n", static_cast<int>(item.path.size()), item.path.data(),
                    static_cast<int>(item.value.size()), item.value.data());
      }
    }
  }
  bool detect_;
  void* map_ = nullptr;
  std::size_t map_size_ = 0;
  std::string last_path_;
};

}  // namespace

int main(int argc, char** argv) {
  interdict::AndroidOptions options;
  bool detect = false;
  bool drop_pages = false;
  int first = 1;
  for (; first < argc && argv[first][0] == '-'; ++first) {
    if (std::strcmp(argv[first], "--threads") == 0 && first + 1 < argc) {
      options.threads = static_cast<unsigned>(std::atoi(argv[++first]));
    } else if (std::strcmp(argv[first], "--detect") == 0) {
      detect = true;
    } else if (std::strcmp(argv[first], "--drop-pages") == 0) {
      drop_pages = true;
    } else {
      std::fprintf(stderr, "usage: bench_dex_inventory [--threads N] [--detect] [--drop-pages] FILE...\n");
      return 2;
    }
  }
  CountingSink sink(detect);
  for (int i = first; i < argc; ++i) {
    const int fd = open(argv[i], O_RDONLY);
    struct stat st {};
    if (fd < 0 || fstat(fd, &st) != 0) {
      std::fprintf(stderr, "%s: cannot open\n", argv[i]);
      return 2;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void* map = size == 0 ? nullptr : mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
      std::fprintf(stderr, "%s: cannot map\n", argv[i]);
      return 2;
    }
    const std::span<const std::byte> bytes(static_cast<const std::byte*>(map), size);
    if (drop_pages && map != nullptr) sink.drop_pages_of(map, size);
    if (interdict::looks_like_dex(bytes)) {
      const char* slash = std::strrchr(argv[i], '/');
      (void)interdict::decode_dex(bytes, slash != nullptr ? slash + 1 : argv[i], sink);
    } else {
      auto zip = interdict::ZipArchive::open(bytes, argv[i]);
      if (!zip) {
        std::fprintf(stderr, "%s\n", zip.error().to_string().c_str());
        return 2;
      }
      interdict::decode_android_archive(*zip, sink, options);
    }
    sink.drop_pages_of(nullptr, 0);
    if (map != nullptr) munmap(map, size);
  }
  std::printf("classes %llu\nurls %llu\ndamage %llu\n", static_cast<unsigned long long>(sink.classes),
              static_cast<unsigned long long>(sink.urls), static_cast<unsigned long long>(sink.damage_count));
  return 0;
}
