// Android code evidence: bare DEX files, the binary AndroidManifest.xml (and the protobuf
// one inside an AAB), and the APK, AAB, XAPK and APKS archives that carry them, read into
// CodeItems without decompiling.
//
//   decode_dex               every class a classes*.dex defines, as a dotted name (role
//                            "class"), and every string constant that is an http(s) URL
//                            (role "string"), SDKs keep their endpoints there.
//   decode_binary_manifest   the package (role "self", version = versionName), declared
//   decode_proto_manifest    components (roles "activity", "activity-alias", "service",
//                            "receiver", "provider"), queried packages (role "queries") and
//                            URL schemes (role "url-scheme", or "queries" inside <queries>).
//   decode_android_archive   all of the above from an archive, DEX files on several threads.
//
// Damage goes to CodeSink::damage with the entry path and byte offset; a damaged record is
// skipped and the rest read; an artefact that cannot be read further ends with a fatal one.
// Formats: dex_format.h, axml_format.h and proto_xml.cc give the grammars.
//
// Thread-safety: free functions without shared state. Each calls its sink from one thread
// at a time (decode_android_archive too: workers buffer, the caller's thread emits).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "readers/code/code_item.h"
#include "readers/zip/zip.h"

namespace interdict {

// What one decode_dex call found.
struct DexSummary {
  std::uint64_t classes = 0;  // class items emitted
  std::uint64_t urls = 0;     // URL string items emitted
  std::uint64_t damaged = 0;  // damaged records and fatal damage, listed or not
  bool fatal = false;         // reading stopped before the end
};

// True when `head` (at least the first 8 bytes) is a DEX magic of a version we read:
// "dex\n035\0" to "dex\n041\0".
[[nodiscard]] bool looks_like_dex(std::span<const std::byte> head);

// Emits the classes `dex` defines, in class_defs order, then its http:// and https:// string
// constants in string_ids order. `path` names the DEX in items and damage ("classes2.dex").
// Item views are valid during the sink call only.
// Damage: a bad magic, endian tag, header_size, or a string_ids or type_ids table outside
// the file is fatal at once; class_defs partly outside the file yields the classes inside,
// then a fatal damage. A checksum mismatch, a file_size other than the byte count, a
// class_def whose type or string index is out of range, a descriptor that is not a class
// or not valid MUTF-8 are local: reported and skipped. At most 32 local reports per file,
// then one that counts the rest.
DexSummary decode_dex(std::span<const std::byte> dex, std::string_view path, CodeSink& sink);

// True when `head` starts with the chunk header of an Android binary XML document.
[[nodiscard]] bool looks_like_binary_xml(std::span<const std::byte> head);

// Reads an AndroidManifest.xml in Android's binary XML (ResXMLTree) form, as APKs carry it.
// Attributes are known by resource id (android:name 0x01010003 ...) or, without a resource
// map, by name. Damage: a chunk that overruns its parent or the file, a string index out of
// range, elements nested deeper than 64 levels; reading stops at a broken chunk (fatal) and
// skips an unreadable attribute (local).
void decode_binary_manifest(std::span<const std::byte> xml, std::string_view path, CodeSink& sink);

// Reads an AndroidManifest.xml in aapt2's protobuf XmlNode form, as AABs carry it in
// base/manifest/. Same items and depth bound as decode_binary_manifest; malformed wire data
// is fatal.
void decode_proto_manifest(std::span<const std::byte> proto, std::string_view path, CodeSink& sink);

struct AndroidOptions {
  unsigned threads = 2;    // DEX files decoded at once; also the most held inflated at once
  unsigned max_depth = 2;  // archives inside archives (XAPK -> split APK) read in memory
};

// True when the entries say APK (AndroidManifest.xml or classes.dex at the root), AAB
// (base/manifest/AndroidManifest.xml or base/dex/), or XAPK/APKS (*.apk entries beside a
// manifest.json or toc.pb). The archive's file name is not consulted.
[[nodiscard]] bool is_android_archive(const ZipArchive& zip);

// Emits everything the archive's manifests and DEX files show: for an APK, AndroidManifest.xml
// and classes.dex, classes2.dex, ... at the root; for an AAB, base/manifest/AndroidManifest.xml
// and every <module>/dex/classes*.dex; for an XAPK or APKS, each nested *.apk the same way,
// its items' paths prefixed "split.apk!/". Items come in a fixed order whatever the thread
// count: manifests first, then DEX files in entry order.
// Damage, all local: every unsafe entry name (a manifest, DEX or APK so named is still
// read), an entry that cannot be inflated (the rest read), the zip's own listing damage, a
// nested archive that is not a zip or lies past max_depth.
void decode_android_archive(const ZipArchive& zip, CodeSink& sink, const AndroidOptions& options = {});

}  // namespace interdict
