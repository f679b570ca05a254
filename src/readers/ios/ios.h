// iOS artefacts as code evidence: property lists (Info.plist), Mach-O executables and
// frameworks (thin and universal), and IPA archives that hold them.
//
// Each decode_* function emits CodeItems for what it finds to a CodeSink and reports what
// it could not read through CodeSink::damage; none throws, prints or stops at local damage.
//   Info.plist  CFBundleIdentifier (kApp, role "self", version CFBundleShortVersionString
//               or CFBundleVersion), CFBundleURLTypes[].CFBundleURLSchemes[] (kScheme,
//               "url-scheme"), LSApplicationQueriesSchemes[] (kScheme, "queries").
//   Mach-O      Objective-C class names from __objc_classname sections (kClass,
//               "objc-class"; Swift names "_TtC..." demangled to "Module.Name" with the
//               raw name as component, and their module as kFramework "swift-module"),
//               frameworks linked as @rpath/X.framework/X (kFramework "X", "links"). Each
//               distinct name once per binary, whatever the number of slices.
//   IPA         the app's Info.plist and main executable, and every embedded framework
//               (kFramework "X", "embedded", version from its Info.plist) and app
//               extension (Info.plist with role "extension", executable), with `path` the
//               entry name inside the archive.
//
// Thread-safety: the functions keep no state; the sink is called from the calling thread.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "readers/code/code_item.h"
#include "readers/zip/zip.h"

namespace interdict {

// Emits the identifiers of an Info.plist (XML or binary). `path` goes into every item and
// damage. A plist that cannot be decoded is one fatal damage; damaged members are local
// damage and the rest is still read.
void decode_info_plist(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink);

// True when `head` starts like a property list: "bplist00", `<plist`, or an XML
// declaration or document type followed by "plist" within 512 bytes.
[[nodiscard]] bool looks_like_plist(std::span<const std::byte> head);

// Emits the class names and linked frameworks of a Mach-O file, thin (32- or 64-bit, either
// byte order) or universal (FAT_MAGIC, FAT_MAGIC_64). Item offsets are absolute in `bytes`.
// Damage: a bad slice, load command or section is local (the others are still read); a
// file that is not Mach-O, or whose header or fat table is cut short, is fatal.
void decode_macho(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink);

// True when `head` starts with a Mach-O or universal-binary magic number (a universal
// header must also list a plausible number of slices, since Java class files share its
// magic).
[[nodiscard]] bool looks_like_macho(std::span<const std::byte> head);

// True when the archive holds an app bundle: an entry under Payload/<name>.app/.
[[nodiscard]] bool is_ipa(const ZipArchive& zip);

// Reads the bundles of an IPA, as described above; one binary is read into memory at a
// time. Entries that cannot be read are local damage naming the entry; an IPA without an
// app bundle is fatal damage.
void decode_ipa(const ZipArchive& zip, CodeSink& sink);

}  // namespace interdict
