// Code evidence: telling which inputs are software artefacts, and reading them into a
// CodeScan with the reader for their format (docs/scan.md).
//
// Formats are told by content: zip archives (APK, AAB, XAPK, IPA, JAR, AAR) and DEX and
// Mach-O files by their magic bytes; SBOMs and lockfiles by their first bytes, with the
// file name only breaking ties (build.gradle has no marker); web pages and scripts last.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "cli/scan_code.h"

namespace interdict::cli {

// The format of the artefact whose first (decompressed) bytes are `head`, or "" when it is
// not code evidence. `path` breaks ties only.
[[nodiscard]] std::string sniff_code(std::string_view path, std::span<const std::byte> head);

// Reads the artefact at `path` (mapped when a plain file, decompressed into memory when
// compressed) with the reader for `format` into `scan`. Problems are reported through the
// scan's artefact, never thrown.
void read_code(const std::string& path, const std::string& format, CodeScan& scan, int threads);

}  // namespace interdict::cli
