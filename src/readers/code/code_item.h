// CodeItem: one identifier of a software component found inside an artefact: an SBOM entry,
// a lockfile line, a DEX class, a framework in an IPA, a script URL in a web page.
//
// Code readers (SBOMs, lockfiles, DEX/APK, IPA, web) emit CodeItems to a CodeSink; the code
// scan (src/cli/scan_code.h) matches them against the orders, decides, and groups the
// findings per artefact. A reader knows bytes, not law: it reports what is there, never
// whether it is designated.
//
// Thread-safety: CodeItem and CodeDamage are views; a CodeSink is called from the thread
// that runs the reader unless the reader's own header says it calls from several.
#pragma once

#include <cstdint>
#include <string_view>

namespace interdict {

enum class CodeKind : std::uint8_t {
  kPackage,    // a package URL, "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0"
  kClass,      // a Java/Kotlin class in dotted form ("com.tencent.mm.opensdk.openapi.IWXAPI",
               // inner classes with '$'), or an Objective-C/Swift class ("WXApi",
               // "TikTokOpenSDKCore.TikTokURLOpener" for a Swift class in its module)
  kFramework,  // an iOS framework or Swift module name ("WechatOpenSDK")
  kApp,        // an app id: the artefact's own package or bundle id, or one it queries
  kUrl,        // a URL the code loads or calls ("https://analytics.tiktok.com/i18n/pixel/events.js")
  kScheme,     // a URL scheme the app queries or registers ("weixin")
  kSymbol,     // a global object a web page defines or calls ("ttq")
};
[[nodiscard]] constexpr std::string_view code_kind_name(CodeKind kind) {
  switch (kind) {
    case CodeKind::kPackage: return "package";
    case CodeKind::kClass: return "class";
    case CodeKind::kFramework: return "framework";
    case CodeKind::kApp: return "app";
    case CodeKind::kUrl: return "url";
    case CodeKind::kScheme: return "scheme";
    case CodeKind::kSymbol: return "symbol";
  }
  return "?";
}

// One identifier and where it was found. Every view is valid only during the CodeSink call
// that receives it; a sink that keeps one copies it.
struct CodeItem {
  CodeKind kind = CodeKind::kPackage;
  std::string_view value;      // as found, e.g. the purl or the dotted class name
  std::string_view version;    // the component's version, "" when unknown
  std::string_view component;  // the component as the evidence names it
                               // ("com.tencent.mm.opensdk:wechat-sdk-android"), or ""
  std::string_view role;       // how the artefact uses it, a short lowercase word: "dependency",
                               // "class", "activity", "queries", "url-scheme", "script", "self"
  std::string_view path;       // path inside the artefact ("classes2.dex",
                               // "Payload/A.app/Info.plist"); "" for the file itself
  std::uint64_t line = 0;      // 1-based line in the file or entry; 0 when not line-oriented
  std::uint64_t offset = 0;    // byte offset in the file or entry
};

// Something a reader could not read. Local damage (one record, one entry) is skipped and
// the rest read; fatal damage ends the artefact.
struct CodeDamage {
  std::string_view path;     // entry inside the artefact, "" for the file itself
  std::uint64_t line = 0;    // 1-based, 0 when not line-oriented
  std::uint64_t offset = 0;  // byte offset in the file or entry
  std::string_view reason;   // lowercase, no final period ("class_defs_size 9000 past the end")
  bool fatal = false;
};

// Receives what a code reader finds. Implementations decide what to keep.
class CodeSink {
 public:
  virtual ~CodeSink() = default;
  virtual void item(const CodeItem& item) = 0;
  virtual void damage(const CodeDamage& damage) = 0;
};

}  // namespace interdict
