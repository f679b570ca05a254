// CodeScan: the constituent-code chokepoint. What the code readers find in each artefact
// (SBOM, lockfile, APK, IPA, DEX, web page) is matched against the orders' code identifiers
// (package URLs, class prefixes and suffixes, URLs and domains, app ids, URL schemes, web
// globals) and decided for the `code` activity, for software accessible in one country at
// one time. Findings are grouped per artefact and designated subject: which components and
// versions, which evidence (file, entry, line or offset), which clause, the verdict, the
// status and the reasons. docs/scan.md says what each format yields.
//
// One per run, not thread-safe: the readers call its sink from one thread at a time.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/common.h"
#include "readers/code/code_item.h"
#include "sinks/sinks.h"

namespace interdict::cli {

class CodeScan final : private CodeSink {
 public:
  struct Options {
    Instant as_of = 0;
    std::optional<Instant> known_at;
    std::string accessible_in = "US";  // where the software is developed or accessible
  };

  // One piece of evidence, copied out of a CodeItem.
  struct Evidence {
    CodeKind kind;
    std::string value, version, component, role, path;
    std::uint64_t line = 0, offset = 0;
  };
  // One designated subject found in one artefact, decided once.
  struct Found {
    const Subject* subject = nullptr;
    Finding finding;
    std::vector<std::string> reasons;
    std::string matched_rule;          // the first rule that matched, e.g. "com.tencent.mm.opensdk"
    std::set<std::string> components;  // "component@version" or the value
    std::vector<Evidence> samples;     // the first kMaxSamples pieces of evidence
    std::uint64_t items = 0;           // how many items matched this subject
    bool weak_only = false;            // decided on a URL in a string or link alone
  };
  struct Artefact {
    std::string path;
    std::string format;  // "apk", "cyclonedx-json", ...
    std::string self;    // the artefact's own app or component id, when it says
    std::string self_version;
    std::uint64_t size = 0;   // bytes
    std::uint64_t items = 0;  // everything the reader reported
    std::uint64_t damaged = 0;
    bool fatal = false;
    std::vector<std::string> damage;  // the first messages, "entry@offset: reason"
    std::vector<Found> found;         // in the order subjects were first seen
  };
  static constexpr std::size_t kMaxSamples = 8;
  static constexpr std::size_t kMaxDamageKept = 20;

  CodeScan(const OrderSet& orders, Options options);
  ~CodeScan() override;
  CodeScan(const CodeScan&) = delete;
  CodeScan& operator=(const CodeScan&) = delete;

  // Opens an artefact; what the reader reports until the next begin() belongs to it.
  // `size` is the artefact's size in bytes, for locations that cover all of it.
  CodeSink& begin(std::string_view path, std::string_view format, std::uint64_t size);
  // Damage that stopped the artefact before any reader ran (cannot open, unknown format).
  void fail(std::string_view path, std::string_view format, std::string_view reason);

  // A scan with the same orders and options and no artefacts, for another thread; its
  // artefacts come back with absorb().
  [[nodiscard]] std::unique_ptr<CodeScan> fork() const;
  // Appends `other`'s artefacts after this scan's.
  void absorb(CodeScan&& other);

  [[nodiscard]] const std::vector<Artefact>& artefacts() const { return artefacts_; }
  [[nodiscard]] std::size_t prohibited() const;

  // Appends the findings as table rows (returned by render_table), JSON objects or JSON
  // Lines; one object per (artefact, subject), then one per damaged artefact.
  void append_json(std::string& out, Format format, bool& first_object) const;
  [[nodiscard]] std::string render_table() const;
  // A SARIF 2.1.0 log (docs/scan.md): one rule per prohibition that matched, one result per
  // (artefact, subject), located at the first piece of evidence.
  [[nodiscard]] std::string render_sarif() const;
  // "3 artefacts, 412,003 items, 2 designated subjects found (1 prohibited), 1 damaged entry"
  [[nodiscard]] std::string summary() const;

 private:
  void item(const CodeItem& given) override;
  void damage(const CodeDamage& given) override;
  // The transaction an item stands for: `code`, at as_of, accessible_in; `scratch` holds a
  // probe value the item lacks (a CocoaPods purl, an https: URL).
  [[nodiscard]] Observation observe(const CodeItem& item, std::string& scratch) const;
  // Records `finding` (decided from `item`) as the answer for `f`, with its reasons.
  void settle(const CodeItem& item, const Observation& obs, const Finding& finding, Found& f);
  [[nodiscard]] static const Subject* identified_subject(const Finding& f);
  [[nodiscard]] static std::string_view matched_rule(const Finding& f);

  const OrderSet& orders_;
  Options options_;
  std::vector<Artefact> artefacts_;
};

}  // namespace interdict::cli
