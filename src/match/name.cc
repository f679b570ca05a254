// NameMatcher: names reduced to lowercase ASCII tokens, then compared whole or by containment.
//
// Normalisation, in order:
//   1. NFKC, so full-width and compatibility forms ("ＴｉｋＴｏｋ") become plain letters;
//   2. ICU "Any-Latin; Latin-ASCII; Lower": Han to toneless pinyin syllables (simplified and
//      traditional alike: 騰訊 and 腾讯 are both "teng xun"), Cyrillic, Arabic and accents to
//      ASCII, then lowercase;
//   3. every character that is not a letter or digit separates tokens;
//   4. legal-form words are dropped (see kLegalForms), unless nothing else is left.
// Transliteration splits Han into one token per syllable while people write pinyin as words
// ("Zijie Tiaodong"), so whole names compare by the concatenation of their tokens, and
// containment also accepts a run of adjacent tokens spelling a whole name.

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <deque>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

#include "match/flat_map.h"
#include "match/match.h"
#include "match/name_tokens.h"

namespace interdict {
namespace {

template <typename V>
using FlatIndex = FlatMap<V>;
using name_detail::Tokens;

// Legal forms, written as the concatenation of their tokens so that "L.L.C.", "S.A.",
// "you xian gong si" and "Youxian Gongsi" all meet one entry. "holdings" and "group" stay:
// they tell entities apart.
constexpr std::string_view kLegalForms[] = {"ltd",     "limited", "inc",         "incorporated", "llc", "llp", "co",
                                            "company", "corp",    "corporation", "pte",          "pty", "plc", "gmbh",
                                            "ag",      "sa",      "bv",          "nv",           "kk",  "ooo"};
// 有限公司 (limited company), 有限责任公司 (limited liability company), 股份 (shares, as in
// 股份有限公司) and 公司 (company), as Han-Latin spells them.
constexpr std::string_view kPinyinLegalForms[] = {"youxiangongsi", "youxianzerengongsi", "gufen", "gongsi"};
constexpr std::size_t kMaxLegalTokens = 6;     // "you xian ze ren gong si"
constexpr std::size_t kLongestLegalForm = 18;  // "youxianzerengongsi"
// Runs of adjacent tokens indexed per name; a longer probe inside a longer name is still
// found by token containment, and names stay linear to index.
constexpr std::size_t kMaxRunTokens = 16;

// A run's length and first, second and last bytes in one word: a legal form is compared in
// full only when its word is the run's. This runs for every run of up to kMaxLegalTokens
// tokens of every name probe, and most runs are no legal form.
constexpr std::uint32_t signature(std::string_view s) {
  return static_cast<std::uint32_t>(s.size()) | (static_cast<std::uint32_t>(static_cast<unsigned char>(s[0])) << 8) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s.back())) << 24);
}
constexpr std::size_t kLegalFormCount = std::size(kLegalForms) + std::size(kPinyinLegalForms);
// The legal forms by length (kAllLegalForms[kLengthStart[n] .. kLengthStart[n + 1]) have n
// bytes), with their signatures: a run is compared with the few forms of its length only.
constexpr auto kAllLegalForms = [] {
  std::array<std::string_view, kLegalFormCount> all{};
  std::size_t n = 0;
  for (std::size_t len = 0; len <= kLongestLegalForm; ++len) {
    for (std::string_view f : kLegalForms) {
      if (f.size() == len) all[n++] = f;
    }
    for (std::string_view f : kPinyinLegalForms) {
      if (f.size() == len) all[n++] = f;
    }
  }
  return all;
}();
constexpr auto kLengthStart = [] {
  std::array<std::uint8_t, kLongestLegalForm + 2> start{};
  for (std::size_t len = 0; len <= kLongestLegalForm + 1; ++len) {
    std::size_t n = 0;
    while (n < kLegalFormCount && kAllLegalForms[n].size() < len) ++n;
    start[len] = static_cast<std::uint8_t>(n);
  }
  return start;
}();
constexpr auto kLegalSignatures = [] {
  std::array<std::uint32_t, kLegalFormCount> sig{};
  for (std::size_t i = 0; i < kLegalFormCount; ++i) sig[i] = signature(kAllLegalForms[i]);
  return sig;
}();

// The bytes a legal form begins with.
constexpr auto kLegalFormHeads = [] {
  std::array<bool, 256> heads{};
  for (std::string_view f : kAllLegalForms) heads[static_cast<unsigned char>(f[0])] = true;
  return heads;
}();

bool is_legal_form(std::string_view s) {
  if (s.size() < 2 || s.size() > kLongestLegalForm) return false;
  const std::uint32_t sig = signature(s);
  for (std::size_t i = kLengthStart[s.size()]; i < kLengthStart[s.size() + 1]; ++i) {
    if (kLegalSignatures[i] == sig && kAllLegalForms[i] == s) return true;
  }
  return false;
}

// A name this short on its own would match too much by containment ("qq", "mi").
bool can_be_contained(std::size_t token_count, std::size_t first_token_size) {
  return token_count >= 2 || (token_count == 1 && first_token_size >= 5);
}
bool can_be_contained(const std::vector<std::string>& tokens) {
  return can_be_contained(tokens.size(), tokens.empty() ? 0 : tokens[0].size());
}
bool can_be_contained(const Tokens& tokens) {
  return can_be_contained(tokens.size(), tokens.size() == 0 ? 0 : tokens.token(0).size());
}

std::string join(const std::vector<std::string>& tokens, std::string_view sep) {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += sep;
    out += t;
  }
  return out;
}

// Copies `in` to `out` without legal-form runs: at each token, the longest run of up to
// kMaxLegalTokens tokens whose concatenation is a legal form. Copies everything if only
// legal forms are left.
void drop_legal_forms(const Tokens& in, Tokens& out) {
  out.clear();
  // Most names hold no legal form: only a token that begins like one starts a search.
  std::size_t first = 0;
  while (first < in.size() && !kLegalFormHeads[static_cast<unsigned char>(in.text[in.begin_of(first)])]) ++first;
  if (first == in.size()) {
    out.text = in.text;
    out.ends = in.ends;
    return;
  }
  out.text.assign(in.text, 0, in.begin_of(first));
  out.ends.assign(in.ends.begin(), in.ends.begin() + static_cast<std::ptrdiff_t>(first));
  for (std::size_t i = first; i < in.size();) {
    std::size_t skip = 0;
    for (std::size_t j = i; j < in.size() && j - i < kMaxLegalTokens; ++j) {
      const std::string_view run = in.run(i, j);
      if (run.size() > kLongestLegalForm) break;
      if (is_legal_form(run)) skip = j - i + 1;
    }
    if (skip == 0) {
      out.text.append(in.token(i));
      out.end_token();
      ++i;
    } else {
      i += skip;
    }
  }
  if (out.size() == 0) {
    out.text = in.text;
    out.ends = in.ends;
  }
}

// Which keys an index may hold, by a key's length and first two bytes. A probe's token or
// run that fails this test is not looked up: most runs of most names are in no index of the
// orders' few hundred names, and two bit tests cost less than hashing the run.
class KeyFilter {
 public:
  void add(std::string_view key) {
    lengths_.set(std::min(key.size(), kLong));
    heads_.set(head(key));
  }
  [[nodiscard]] bool may_hold(std::string_view key) const {
    return lengths_[std::min(key.size(), kLong)] && heads_[head(key)];
  }

 private:
  static constexpr std::size_t kLong = 63;  // this long or longer: one bucket
  static std::size_t head(std::string_view key) {
    const auto first = static_cast<unsigned char>(key[0]);
    const auto second = key.size() > 1 ? static_cast<unsigned char>(key[1]) : 0u;
    return (first * 67u + second) & 4095u;
  }
  std::bitset<kLong + 1> lengths_;
  std::bitset<4096> heads_;
};

// Per-thread scratch for match(): the raw and the kept tokens of the probe, and a count
// per entry of the probe's tokens it holds (with the entries touched, to reset them).
// `name` is the probe `kept` was made from: the engine asks its subject names and then its
// entity names about the same probe, and every NameMatcher tokenises alike (the same ICU
// rules and legal forms), so the second asks without normalising again.
struct Scratch {
  Tokens raw;
  Tokens kept;
  std::string name;
  bool has_name = false;
  std::vector<std::uint32_t> shared;
  std::vector<std::uint32_t> touched;
  std::vector<std::string_view> distinct;
};
Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

struct NameMatcher::Impl {
  struct Entry {
    std::string spaced;  // tokens joined by ' ': the rule reported in a hit
    std::string concat;  // tokens joined: what exact hits compare
    std::vector<std::string> tokens;
    std::size_t distinct = 0;  // distinct tokens
    std::uint32_t target = 0;
  };

  // The normalised tokens of `name` into `out`, using `raw` as scratch.
  void tokens(std::string_view name, Tokens& raw, Tokens& out) const;
  void index(std::string_view name, std::uint32_t target);
  // Builds the index on first use: ICU's transliterator costs a tenth of a second to
  // create, which a run that never screens a name should not pay.
  void ensure_built() const;

  std::vector<std::pair<std::string, std::uint32_t>> pending;  // added, not yet indexed
  mutable std::once_flag built;

  const icu::Normalizer2* nfkc = nullptr;  // owned by ICU; null if its data is missing
  // Null if ICU lacks the rules; names then keep their own script, lowercased.
  std::unique_ptr<icu::Transliterator> transliterator;
  // ICU does not promise that one Transliterator may run on several threads at once.
  mutable std::mutex transliterator_mu;

  // INVARIANT: entries never move (a deque only appends), so hits can view their strings.
  std::deque<Entry> entries;
  FlatIndex<std::uint32_t> by_concat;              // whole name -> entry
  FlatIndex<std::vector<std::uint32_t>> by_token;  // token -> entries holding it
  FlatIndex<std::vector<std::uint32_t>> by_part;   // a proper run of adjacent tokens, joined -> entries
  std::size_t longest_concat = 0;                  // no run of probe tokens longer than this can be a name
  // The keys of by_concat, by_token and by_part.
  KeyFilter concat_keys;
  KeyFilter token_keys;
  KeyFilter part_keys;
};

void NameMatcher::Impl::ensure_built() const {
  std::call_once(built, [this] {
    auto* self = const_cast<Impl*>(this);  // the one mutation, serialised by call_once
    UErrorCode status = U_ZERO_ERROR;
    self->nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) self->nfkc = nullptr;
    status = U_ZERO_ERROR;
    self->transliterator.reset(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) self->transliterator.reset();
    for (const auto& [name, target] : pending) self->index(name, target);
    self->pending.clear();
    self->pending.shrink_to_fit();
  });
}

void NameMatcher::Impl::tokens(std::string_view name, Tokens& raw, Tokens& out) const {
  raw.clear();
  // Plain ASCII needs neither NFKC nor transliteration (both leave it as it is, but for
  // case, which the split folds): split and fold it directly, without ICU.
  if (std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    name_detail::append_ascii_tokens(name, raw);
    drop_legal_forms(raw, out);
    return;
  }
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (nfkc != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalised = nfkc->normalize(text, status);
    if (U_SUCCESS(status)) text = std::move(normalised);
  }
  if (transliterator) {
    const std::lock_guard lock(transliterator_mu);
    transliterator->transliterate(text);
  }
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        raw.text.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        raw.text.push_back(static_cast<char>(c - 'A' + 'a'));
      } else {
        raw.end_token();
      }
    } else if (u_isalnum(c)) {
      // A letter of a script the transliterator left alone (or all of them, without it).
      icu::UnicodeString(u_tolower(c)).toUTF8String(raw.text);
    } else {
      raw.end_token();
    }
  }
  raw.end_token();
  drop_legal_forms(raw, out);
}

NameMatcher::NameMatcher() : impl_(std::make_unique<Impl>()) {}
NameMatcher::~NameMatcher() = default;
NameMatcher::NameMatcher(NameMatcher&&) noexcept = default;
NameMatcher& NameMatcher::operator=(NameMatcher&&) noexcept = default;

void NameMatcher::add(std::string_view name, std::uint32_t target) {
  if (!impl_) return;
  impl_->pending.emplace_back(name, target);
}

void NameMatcher::Impl::index(std::string_view name, std::uint32_t target) {
  Impl& m = *this;
  Tokens raw;
  Tokens kept;
  m.tokens(name, raw, kept);
  std::vector<std::string> tokens = kept.to_vector();
  if (tokens.empty()) return;
  std::string concat = join(tokens, "");
  // The first name to normalise to a form keeps it, as in the other matchers.
  if (m.by_concat.contains(concat)) return;

  const auto index = static_cast<std::uint32_t>(m.entries.size());
  Impl::Entry& e = m.entries.emplace_back();
  e.spaced = join(tokens, " ");
  e.concat = concat;
  e.target = target;
  m.longest_concat = std::max(m.longest_concat, concat.size());
  m.by_concat[concat] = index;
  m.concat_keys.add(concat);
  for (const auto& t : tokens) {
    m.token_keys.add(t);
    auto& list = m.by_token[t];
    if (list.empty() || list.back() != index) {
      list.push_back(index);
      ++e.distinct;
    }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string run;
    for (std::size_t j = i; j < tokens.size() && j - i < kMaxRunTokens; ++j) {
      run += tokens[j];
      if (i == 0 && j + 1 == tokens.size()) break;  // the whole name is by_concat's
      m.part_keys.add(run);
      auto& list = m.by_part[run];
      if (list.empty() || list.back() != index) list.push_back(index);
    }
  }
  e.tokens = std::move(tokens);
}

std::optional<MatchHit> NameMatcher::match(std::string_view name) const {
  if (!impl_) return std::nullopt;
  impl_->ensure_built();
  const Impl& m = *impl_;
  Scratch& s = scratch();
  const Tokens& tokens = s.kept;
  if (!s.has_name || s.name != name) {
    m.tokens(name, s.raw, s.kept);
    s.name.assign(name);
    s.has_name = true;
  }
  if (tokens.size() == 0) return std::nullopt;
  const std::string_view concat = tokens.concat();
  if (const std::uint32_t* found = m.concat_keys.may_hold(concat) ? m.by_concat.find(concat) : nullptr) {
    const Impl::Entry& e = m.entries[*found];
    return MatchHit{e.target, e.spaced, true};
  }

  // Partial hits: the longest indexed name wins, then the first added.
  std::optional<std::uint32_t> best;
  const auto consider = [&](std::uint32_t index) {
    if (!best) {
      best = index;
      return;
    }
    const std::size_t have = m.entries[*best].concat.size();
    const std::size_t size = m.entries[index].concat.size();
    if (size > have || (size == have && index < *best)) best = index;
  };
  const bool probe_can_be_contained = can_be_contained(tokens);

  // Token containment either way, in any order: count the probe's distinct tokens per entry.
  s.distinct.clear();
  for (std::size_t i = 0; i < tokens.size(); ++i) s.distinct.push_back(tokens.token(i));
  std::sort(s.distinct.begin(), s.distinct.end());
  s.distinct.erase(std::unique(s.distinct.begin(), s.distinct.end()), s.distinct.end());
  if (s.shared.size() < m.entries.size()) s.shared.resize(m.entries.size(), 0);
  s.touched.clear();
  for (const std::string_view t : s.distinct) {
    if (!m.token_keys.may_hold(t)) continue;
    if (const std::vector<std::uint32_t>* holders = m.by_token.find(t)) {
      for (const std::uint32_t index : *holders) {
        if (s.shared[index]++ == 0) s.touched.push_back(index);
      }
    }
  }
  for (const std::uint32_t index : s.touched) {
    const std::size_t count = s.shared[index];
    s.shared[index] = 0;
    const Impl::Entry& e = m.entries[index];
    if (count == e.distinct && can_be_contained(e.tokens)) consider(index);     // name within probe
    if (count == s.distinct.size() && probe_can_be_contained) consider(index);  // probe within name
  }

  // Adjacent-token runs either way, so "zi jie tiao dong ke ji" holds "Zijie Tiaodong".
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (std::size_t j = i; j < tokens.size(); ++j) {
      const std::string_view run = tokens.run(i, j);
      if (run.size() > m.longest_concat) break;
      if (i == 0 && j + 1 == tokens.size()) break;  // the whole probe, already looked up
      if (!m.concat_keys.may_hold(run)) continue;
      if (const std::uint32_t* found = m.by_concat.find(run)) {
        if (can_be_contained(m.entries[*found].tokens)) consider(*found);
      }
    }
  }
  if (probe_can_be_contained && m.part_keys.may_hold(concat)) {
    if (const std::vector<std::uint32_t>* holders = m.by_part.find(concat)) {
      for (const std::uint32_t index : *holders) consider(index);
    }
  }

  if (!best) return std::nullopt;
  const Impl::Entry& e = m.entries[*best];
  return MatchHit{e.target, e.spaced, false};
}

std::string NameMatcher::normalise(std::string_view name) const {
  if (!impl_) return {};
  impl_->ensure_built();
  Tokens raw;
  Tokens kept;
  impl_->tokens(name, raw, kept);
  return join(kept.to_vector(), " ");
}

}  // namespace interdict
