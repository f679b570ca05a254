// Names: screening of person and organisation names across scripts, in memory.
//
// A query ("騰訊", "Tengxun Holdings", "PUTIN, Vladimir") is normalised into ASCII tokens
// (NFKC, traditional to simplified Chinese, ICU transliteration to Latin, accents and case
// folded, punctuation to spaces), candidates are picked from a token index, and each is
// scored by token-wise Jaro-Winkler weighted by token rarity (IDF), order-insensitive, with
// legal-form words ("Ltd", "有限公司") and titles as weak tokens. A query written in another
// script is also compared by sound (罗哈斯-阿尔瓦拉多 with Rojas-Alvarado), since Han, kana,
// Hangul and abjads spell foreign names by sound and no transliteration undoes that. See
// docs/names.md for the pipeline and the measured quality and speed, docs/names-rules.md
// for the reasons behind each rule.
//
// Thread-safety: the free functions are thread-safe (ICU transliterators are per thread).
// NameIndex: add() and freeze() are not; a frozen index is immutable and search() may be
// called from any number of threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace interdict {

enum class EntityKind : std::uint8_t { kUnknown = 0, kPerson, kOrganization, kVessel, kAircraft };

// One normalised reading of a name: its tokens in order. A name has one or more readings
// (the tokens, and all its strong tokens joined: "byte dance" -> "bytedance",
// "zi jie tiao dong" -> "zijietiaodong"), so spellings that split words differently meet.
using NameTokens = std::vector<std::string>;

// The readings of `utf8`, the token form first; empty when the name has no letter or
// digit. Invalid UTF-8 is replaced, never an error. Tones in pinyin are dropped (accents
// fold on both sides, so "Zìjié" and "Zijie" and 字节 meet).
[[nodiscard]] std::vector<NameTokens> normalise_name(std::string_view utf8);

// True for legal-form and filler words ("ltd", "co", "gmbh", "holdings", "group", "the"):
// they count little in a score and never make a match alone. `token` is normalised.
[[nodiscard]] bool is_weak_token(std::string_view token);

// Jaro-Winkler similarity of two byte strings, in [0,1] (prefix scale 0.1, up to 4).
[[nodiscard]] double jaro_winkler(std::string_view a, std::string_view b);

struct NameEntry {
  std::string id;  // the caller's id, e.g. "ofac:306" or "order:us-wechat"
  EntityKind kind = EntityKind::kUnknown;
  std::vector<std::string> countries;  // ISO 3166 alpha-2 or names, compared case-insensitively
  std::vector<std::string> names;      // primary name first, then aliases; UTF-8
};

struct SearchHints {
  EntityKind kind = EntityKind::kUnknown;
  std::string_view country;  // empty: unknown
};

struct Thresholds {
  // score >= match: a hit. 0.90 is the lowest threshold under 0.1% of yente's negatives
  // (0.087%; recall 0.950 at precision 0.989 there, 0.9465 at 0.92: docs/names.md).
  double match = 0.90;
  double review = 0.80;  // review <= score < match: for a person to review; below: dropped
};

// Not the engine's Verdict: a name hit is a match or needs review; the law decides the rest.
enum class NameVerdict : std::uint8_t { kReview, kMatch };

// One aligned pair of tokens, or one side unmatched (the other empty, similarity 0).
struct TokenPair {
  std::string query_token;
  std::string name_token;
  double similarity = 0;
  double weight = 0;  // the pair's share of the score's denominator
  // The query token (the name token, when alone) counted as a weak word: a legal form,
  // title or particle, which barely counts. As the scorer counted it: 德 "de" read from an
  // ideograph and Sá are no particle or legal form, though is_weak_token says so of "de", "sa".
  bool weak = false;
};

struct Explanation {
  std::vector<TokenPair> pairs;  // matched pairs first, then unmatched query, then name tokens
  double kind_factor = 1;        // < 1 when the kind hint and the entry's kind differ
  double country_factor = 1;     // < 1 when the country hint is not among the entry's
  // Met through a romanisation that cannot confirm the name (a Korean name in Hangul as the
  // lists spell it, an Arabic name's consonants with its short vowels unwritten): a name
  // to review whatever its pairs.
  bool review_only = false;
};

struct NameHit {
  std::uint32_t entry = 0;  // index of the entry in the order added
  std::string_view id;      // valid while the index lives
  std::string_view name;    // the name as added that scored best
  double score = 0;
  NameVerdict verdict = NameVerdict::kReview;
  Explanation why;
};

// An immutable index of entries and their names. Build with add() then freeze(), or
// load() a saved one.
class NameIndex {
 public:
  NameIndex();
  ~NameIndex();
  NameIndex(NameIndex&&) noexcept;
  NameIndex& operator=(NameIndex&&) noexcept;

  // REQUIRES: not frozen. Names with no letter or digit are ignored.
  void add(const NameEntry& entry);
  // Computes token weights and the postings; after it only const calls.
  void freeze();
  [[nodiscard]] bool frozen() const;

  void set_thresholds(Thresholds t);
  [[nodiscard]] Thresholds thresholds() const;

  // Hits with score >= review threshold, best first, at most `limit`, at most one per
  // entry. REQUIRES: frozen. Does not scan every name: candidates share a token, a
  // 4-letter prefix, a consonant key or (for a query in a non-Latin script) a sound key
  // within one class with the query.
  [[nodiscard]] std::vector<NameHit> search(std::string_view query, const SearchHints& hints, std::size_t limit) const;
  // The same, scoring every indexed name: the baseline the index is measured against.
  [[nodiscard]] std::vector<NameHit> search_all(std::string_view query, const SearchHints& hints,
                                                std::size_t limit) const;

  [[nodiscard]] std::size_t entry_count() const;
  [[nodiscard]] std::size_t name_count() const;
  [[nodiscard]] std::string_view entry_id(std::uint32_t entry) const;

  // Writes the frozen index to `path` (versioned, little-endian flat arrays). Errors: kIo.
  [[nodiscard]] Status save(const std::string& path) const;
  // Reads an index written by save(): maps the file read-only and searches it in place,
  // after checking every offset, length and index once (a 19 MB file in milliseconds).
  // The file may be replaced on disk while mapped (a new file, renamed over it); it must
  // not be rewritten in place. Errors: kIo, kParse for a wrong magic or version (files
  // before version 2 are rebuilt with `lists import`), a truncated file or any length or
  // index past its bounds (never a crash).
  [[nodiscard]] static Result<NameIndex> load(const std::string& path);
  // The same from bytes in memory, copied once.
  [[nodiscard]] static Result<NameIndex> decode(std::string_view bytes);

  struct Data;  // the flat arrays, in names/index_data.h

 private:
  std::vector<NameHit> run(std::string_view query, const SearchHints& hints, std::size_t limit, bool all) const;
  // An index viewing `bytes` in place, which `storage` keeps alive; 8-aligned.
  static Result<NameIndex> view(std::string_view bytes, std::shared_ptr<const void> storage);
  std::unique_ptr<Data> data_;
};

}  // namespace interdict
