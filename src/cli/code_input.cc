// Software artefacts: recognised by content, read whole (mapped or decompressed), handed to
// the reader for their format.
#include "cli/code_input.h"

#include <cstring>
#include <thread>

#include "cli/mapped_file.h"
#include "readers/android/android.h"
#include "readers/code/java_archive.h"
#include "readers/common/byte_source.h"
#include "readers/ios/ios.h"
#include "readers/sbom/sbom.h"
#include "readers/web/web.h"
#include "readers/zip/zip.h"

namespace interdict::cli {
namespace {

// Forwards to the scan, and gives the mapped archive's pages back each time the reader moves
// to another entry: a mapped page counts in the process's memory until released, and an
// app's DEX files are read once each. The kernel's page cache keeps them; reading them again
// faults them back in.
class PageReleasingSink final : public CodeSink {
 public:
  PageReleasingSink(CodeSink& out, std::span<const std::byte> mapped) : out_(out), mapped_(mapped) {}
  void item(const CodeItem& item) override {
    if (item.path != last_path_) {
      last_path_.assign(item.path);
      release();
    }
    out_.item(item);
  }
  void damage(const CodeDamage& damage) override { out_.damage(damage); }
  void release() {
    // The mapping starts on a page boundary, so its whole length may be given back.
    if (!mapped_.empty()) (void)::madvise(const_cast<std::byte*>(mapped_.data()), mapped_.size(), MADV_DONTNEED);
  }

 private:
  CodeSink& out_;
  std::span<const std::byte> mapped_;
  std::string last_path_;
};

// Archives smaller than this are not worth the page faults of releasing them.
constexpr std::size_t kReleaseArchivesFrom = std::size_t{64} << 20;

void read_archive(const std::string& path, std::span<const std::byte> bytes, bool mapped, CodeScan& scan,
                  unsigned threads) {
  auto zip = ZipArchive::open(bytes, path);
  if (!zip) {
    scan.fail(path, "zip", zip.error().message());
    return;
  }
  // What the entries say it is: an Android app or bundle, an iOS app, a Java library.
  const std::string_view format = is_android_archive(*zip) ? "android"
                                  : is_ipa(*zip)           ? "ipa"
                                  : is_java_archive(*zip)  ? "jar"
                                                           : "zip";
  CodeSink& sink = scan.begin(path, format, bytes.size());
  // The Android and iOS readers report the archive's own listing damage themselves.
  if (format == "android") {
    PageReleasingSink releasing(sink,
                                mapped && bytes.size() >= kReleaseArchivesFrom ? bytes : std::span<const std::byte>());
    decode_android_archive(*zip, releasing, AndroidOptions{.threads = threads, .max_depth = 2});
    return;
  }
  if (format == "ipa") {
    decode_ipa(*zip, sink);
    return;
  }
  for (const Error& d : zip->damage()) sink.damage({"", 0, d.where().byte_offset.value_or(0), d.message(), false});
  if (format == "jar") decode_java_archive(*zip, sink);
}

ManifestFormat manifest_format(std::string_view name) {
  for (int f = 1; f <= static_cast<int>(ManifestFormat::kGradleBuild); ++f) {
    if (manifest_format_name(static_cast<ManifestFormat>(f)) == name) return static_cast<ManifestFormat>(f);
  }
  return ManifestFormat::kUnknown;
}

}  // namespace

std::string sniff_code(std::string_view path, std::span<const std::byte> head) {
  if (looks_like_zip(head)) return "zip";
  if (looks_like_dex(head)) return "dex";
  if (looks_like_macho(head)) return "macho";
  if (looks_like_plist(head) && path.ends_with(".plist")) return "plist";
  if (const ManifestFormat f = sniff_manifest_format(path, head); f != ManifestFormat::kUnknown) {
    return std::string(manifest_format_name(f));
  }
  if (looks_like_web(path, head)) return "web";
  return "";
}

void read_code(const std::string& path, const std::string& format, CodeScan& scan, int threads) {
  InputBytes artefact(path);
  auto bytes = artefact.load(path);
  if (!bytes) {
    scan.fail(path, format, bytes.error().message());
    return;
  }
  const unsigned workers =
      threads > 0 ? static_cast<unsigned>(threads) : std::max(1u, std::thread::hardware_concurrency());
  if (format == "zip") {
    read_archive(path, *bytes, artefact.mapped(), scan, workers);
    return;
  }
  CodeSink& sink = scan.begin(path, format, bytes->size());
  if (format == "dex") {
    (void)decode_dex(*bytes, "", sink);
  } else if (format == "macho") {
    decode_macho(*bytes, "", sink);
  } else if (format == "plist") {
    decode_info_plist(*bytes, "", sink);
  } else if (format == "web") {
    decode_web(*bytes, path, sink);  // the name tells JavaScript from HTML; items are the file's own
  } else {
    decode_manifest(manifest_format(format), *bytes, "", sink);
  }
}

}  // namespace interdict::cli
