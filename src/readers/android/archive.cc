// APK, AAB, XAPK and APKS archives: which entries are manifests, DEX files and nested
// APKs, and the worker pool that decodes DEX files while the caller's thread emits them in
// entry order.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "readers/android/android.h"
#include "readers/android/batch_sink.h"

namespace interdict {
namespace {

using android::BatchSink;

bool is_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "classes.dex", "classes2.dex", ... at the root (APK) or in "<module>/dex/" (AAB).
bool is_dex_entry(std::string_view name) {
  const auto slash = name.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  if (!base.starts_with("classes") || !base.ends_with(".dex")) return false;
  if (!is_digits(base.substr(7, base.size() - 11))) return false;
  if (slash == std::string_view::npos) return true;
  const std::string_view dir = name.substr(0, slash);
  const auto module_end = dir.find('/');
  return module_end != std::string_view::npos && module_end > 0 && dir.substr(module_end) == "/dex";
}

// "<module>/manifest/AndroidManifest.xml", aapt2's protobuf form.
bool is_proto_manifest(std::string_view name) {
  const auto first = name.find('/');
  return first != std::string_view::npos && first > 0 && name.substr(first) == "/manifest/AndroidManifest.xml";
}

bool is_nested_apk(std::string_view name) { return name.ends_with(".apk") && name.size() > 4; }

class ArchiveDecoder {
 public:
  ArchiveDecoder(CodeSink& sink, const AndroidOptions& options) : sink_(sink), options_(options) {}

  void run(const ZipArchive& zip, const std::string& prefix, unsigned depth) {
    for (const Error& e : zip.damage()) damage(prefix, e.where().byte_offset.value_or(0), e.message(), false);
    std::vector<const ZipEntry*> dex;
    std::vector<const ZipEntry*> nested;
    std::vector<std::byte> scratch;
    for (const ZipEntry& entry : zip.entries()) {
      // A traversal name is worth reporting whatever the entry holds.
      if (entry.unsafe_name) {
        damage(prefix, entry.directory_offset, "unsafe entry name `" + printable(entry.name) + "`", false);
      }
      if (entry.is_directory()) continue;
      const bool binary_manifest = entry.name == "AndroidManifest.xml";
      const bool proto_manifest = is_proto_manifest(entry.name);
      const bool is_dex = is_dex_entry(entry.name);
      const bool is_apk = is_nested_apk(entry.name);
      if (!(binary_manifest || proto_manifest || is_dex || is_apk)) continue;
      if (is_dex) dex.push_back(&entry);
      if (is_apk) nested.push_back(&entry);
      if (!binary_manifest && !proto_manifest) continue;
      const std::string path = prefix + std::string(entry.name);
      auto bytes = zip.read(entry, scratch);
      if (!bytes) {
        damage(path, bytes.error().where().byte_offset.value_or(entry.local_header_offset), bytes.error().message(),
               false);
      } else if (binary_manifest) {
        decode_binary_manifest(*bytes, path, sink_);
      } else {
        decode_proto_manifest(*bytes, path, sink_);
      }
    }
    decode_dex_files(zip, prefix, dex);
    for (const ZipEntry* entry : nested) read_nested(zip, *entry, prefix, depth);
  }

 private:
  static std::string printable(std::string_view name) {
    std::string out;
    for (char c : name.substr(0, 200)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
    return out;
  }

  void damage(std::string_view path, std::uint64_t offset, std::string_view reason, bool fatal) {
    CodeDamage d;
    d.path = path;
    d.offset = offset;
    d.reason = reason;
    d.fatal = fatal;
    sink_.damage(d);
  }

  void read_nested(const ZipArchive& zip, const ZipEntry& entry, const std::string& prefix, unsigned depth) {
    const std::string path = prefix + std::string(entry.name);
    if (depth >= options_.max_depth) {
      return damage(path, entry.local_header_offset,
                    "archive nested deeper than " + std::to_string(options_.max_depth) + " levels not read", false);
    }
    // The nested archive's bytes must outlive it: a stored entry is a view into the parent,
    // a deflated one lives in this frame's buffer.
    std::vector<std::byte> buffer;
    auto bytes = zip.read(entry, buffer);
    if (!bytes) {
      return damage(path, bytes.error().where().byte_offset.value_or(entry.local_header_offset),
                    bytes.error().message(), false);
    }
    auto inner = ZipArchive::open(*bytes, path);
    if (!inner) return damage(path, 0, "nested archive: " + inner.error().message(), false);
    run(*inner, path + "!/", depth + 1);
  }

  // Decodes each DEX entry on a worker and emits the results here, in entry order. At most
  // `threads` entries are inflated at once (one per worker), and at most 2 x threads decoded
  // batches wait to be emitted.
  void decode_dex_files(const ZipArchive& zip, const std::string& prefix, const std::vector<const ZipEntry*>& dex) {
    const std::size_t threads = std::min<std::size_t>(std::max(1u, options_.threads), dex.size());
    if (threads <= 1) {
      std::vector<std::byte> scratch;
      for (const ZipEntry* entry : dex) decode_one(zip, *entry, prefix + std::string(entry->name), scratch, sink_);
      return;
    }
    struct Slot {
      BatchSink batch;
      bool done = false;
    };
    std::vector<std::unique_ptr<Slot>> slots(dex.size());
    for (auto& slot : slots) slot = std::make_unique<Slot>();
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t emitted = 0;
    std::atomic<std::size_t> next{0};
    const std::size_t window = 2 * threads;
    const auto work = [&] {
      std::vector<std::byte> scratch;
      for (std::size_t j = next.fetch_add(1); j < dex.size(); j = next.fetch_add(1)) {
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return j < emitted + window; });
        }
        decode_one(zip, *dex[j], prefix + std::string(dex[j]->name), scratch, slots[j]->batch);
        // The inflated bytes are not kept between entries.
        if (scratch.capacity() > (std::size_t{64} << 20)) std::vector<std::byte>().swap(scratch);
        {
          std::lock_guard lock(mutex);
          slots[j]->done = true;
        }
        changed.notify_all();
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) {
      try {
        pool.emplace_back(work);
      } catch (const std::system_error&) {
        break;  // fewer workers; none at all is handled below
      }
    }
    if (pool.empty()) {
      std::vector<std::byte> scratch;
      for (const ZipEntry* entry : dex) decode_one(zip, *entry, prefix + std::string(entry->name), scratch, sink_);
      return;
    }
    for (std::size_t i = 0; i < dex.size(); ++i) {
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return slots[i]->done; });
      }
      slots[i]->batch.replay(prefix + std::string(dex[i]->name), sink_);
      slots[i].reset();
      {
        std::lock_guard lock(mutex);
        emitted = i + 1;
      }
      changed.notify_all();
    }
    for (auto& t : pool) t.join();
  }

  // Runs on a worker: an exception here would end the process, so running out of memory
  // for one entry is that entry's damage.
  static void decode_one(const ZipArchive& zip, const ZipEntry& entry, const std::string& path,
                         std::vector<std::byte>& scratch, CodeSink& sink) {
    CodeDamage d;
    d.path = path;
    d.offset = entry.local_header_offset;
    try {
      auto bytes = zip.read(entry, scratch);
      if (bytes) {
        (void)decode_dex(*bytes, path, sink);
        return;
      }
      d.offset = bytes.error().where().byte_offset.value_or(entry.local_header_offset);
      const std::string reason = bytes.error().message();
      d.reason = reason;
      sink.damage(d);
    } catch (const std::bad_alloc&) {
      std::vector<std::byte>().swap(scratch);
      d.reason = "out of memory reading the entry";
      sink.damage(d);
    }
  }

  CodeSink& sink_;
  const AndroidOptions& options_;
};

}  // namespace

bool is_android_archive(const ZipArchive& zip) {
  bool apk_index = false;  // manifest.json (XAPK) or toc.pb (APKS)
  bool nested_apk = false;
  for (const ZipEntry& e : zip.entries()) {
    if (e.name == "AndroidManifest.xml" || e.name == "classes.dex" || e.name == "base/manifest/AndroidManifest.xml" ||
        e.name.starts_with("base/dex/")) {
      return true;
    }
    apk_index = apk_index || e.name == "manifest.json" || e.name == "toc.pb";
    nested_apk = nested_apk || is_nested_apk(e.name);
  }
  return apk_index && nested_apk;
}

void decode_android_archive(const ZipArchive& zip, CodeSink& sink, const AndroidOptions& options) {
  ArchiveDecoder(sink, options).run(zip, "", 0);
}

}  // namespace interdict
