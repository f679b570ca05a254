// Token-wise Jaro-Winkler with rarity weights.
//
// Why Jaro-Winkler per token and not an edit distance over the whole name: names reorder
// ("PUTIN, Vladimir"), add and drop parts, and their typos cluster late in a word, where
// Jaro-Winkler forgives most; per token, a rare surname that matches weighs more than a
// common given name. Greedy alignment (best pair first) equals the optimal assignment in
// nearly every name (few tokens, one clear best pair each) at a fraction of the cost.
#include "names/score.h"

#include <algorithm>
#include <array>

#include "names/jaro_bits.h"
#include "names/phonetic.h"
#include "names/transcribe.h"
#include "names/transcribe_bound.h"

namespace interdict {

double jaro_winkler(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  if (a == b) return 1.0;
  // Tokens are short; longer ones are cut, which only lowers their similarity.
  constexpr std::size_t kMax = 64;
  if (a.size() > kMax) a = a.substr(0, kMax);
  if (b.size() > kMax) b = b.substr(0, kMax);
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::array<bool, kMax> a_used{};
  std::array<bool, kMax> b_used{};
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (!b_used[j] && a[i] == b[j]) {
        a_used[i] = b_used[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_used[i]) continue;
    while (!b_used[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  return jaro_winkler_of(a, b, matches, transpositions);
}

double pattern_similarity(std::string_view pattern, PatternSource source, const NameIndex::Data& d, const TokenRec& t) {
  auto aligned = [&](std::string_view text) {
    if (!transcription_may_reach(pattern, text, kTranscriptionFloor)) return 0.0;
    const double s = transcription_similarity(pattern, text, source, kTranscriptionFloor);
    return s < kTranscriptionFloor ? 0.0 : s;
  };
  const double plain = aligned(d.str(t.text));
  return t.sounded.length == 0 ? plain : std::max(plain, aligned(d.str(t.sounded)));
}

double token_similarity(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (equal_but_hushing_h(a, b)) return kHushingSimilarity;
  if (equal_but_inflection(a, b)) return kInflectionSimilarity;
  if (equal_but_affricate(a, b) || equal_but_german_sibilant(a, b)) return kAffricateSimilarity;
  if (equal_but_final_h(a, b)) return kFinalHSimilarity;
  if (equal_but_silent_h(a, b) || equal_but_glide_before_u(a, b) || equal_but_open_e_before_h(a, b))
    return kUnwrittenSimilarity;
  if (other_gender(a, b)) return std::min(kOtherGenderSimilarity, spelling_similarity(a, b));
  return spelling_similarity(a, b);
}

namespace {

// The letter an initial stands for, as the spelling fold leaves a full name's first letter:
// an initial is not folded (a lone "y" or "x" has no spelling to read), but the name it
// abbreviates is ("Yuri" reads "iuri", "Carlos" "karlos", "Walter" "valter").
char initial_class(char c) {
  switch (c) {
    case 'y':
    case 'j': return 'i';
    case 'w': return 'v';
    case 'c':
    case 'q':
    case 'x': return 'k';
    default: return c;
  }
}

// What a list-name token the query lacks costs: half its weight, since lists write names
// in full (PUTIN, Vladimir Vladimirovich; LOPEZ PALACIOS, Liliana) and a payment seldom
// does; but an initial costs all of it: a list writes a middle initial to tell namesakes
// apart (Christopher H. Smith), and a name without it is one of them until someone checks.
// A query that pairs two or more words is a full name, and a given name or surname of the
// list's it lacks costs kFullNameUnmatchedShare: Robert Stone is as often not Joel Robert
// Stone as he is. Not a patronymic, which a full Russian name in a payment leaves out
// (Vladimir Putin), nor a particle; and a query of one word (Presidente Putin) is a
// surname to review.
double unmatched_name_weight(const NameIndex::Data& d, const TokenRec& t, std::size_t paired) {
  if (t.text.length == 1) return t.weight;
  const bool full_name_lacks_name = paired >= 2 && t.weak == 0 && !is_patronymic(d.str(t.text));
  return (full_name_lacks_name ? kFullNameUnmatchedShare : kUnmatchedNameShare) * t.weight;
}

}  // namespace

bool is_patronymic(std::string_view token) {
  // Folded: -ович, -евич, -ovych, -ović read -ovich; -ична -ichna; Azerbaijani oğlu, qızı.
  for (const std::string_view ending : {"vich", "vna", "ichna", "oglu", "ogli", "kizi", "qizi"})
    if (token.size() > ending.size() + 2 && token.ends_with(ending)) return true;
  return false;
}

double spelling_similarity(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (a.size() == 1 || b.size() == 1) {
    const std::string_view longer = a.size() == 1 ? b : a;
    const std::string_view initial = a.size() == 1 ? a : b;
    return longer.size() > 1 && initial_class(longer[0]) == initial_class(initial[0]) ? kInitialSimilarity : 0.0;
  }
  if (a.size() <= 2 || b.size() <= 2 || !jaro_winkler_may_reach(a, b, kTokenFloor)) return 0.0;
  const double jw = jaro_winkler_bits(a, b);
  // Cubed: Jaro-Winkler puts most unrelated name pairs near 0.85-0.92 ("john"/"johnson",
  // "davis"/"david"), which must cost a full name its match; one typo still scores ~0.9.
  return jw >= kTokenFloor ? jw * jw * jw : 0.0;
}

namespace {

// True when space-separated `words` holds `word`.
bool holds_word(std::string_view words, std::string_view word) {
  for (std::size_t at = words.find(word); at != std::string_view::npos; at = words.find(word, at + 1))
    if ((at == 0 || words[at - 1] == ' ') && at + word.size() < words.size() && words[at + word.size()] == ' ')
      return true;
  return false;
}

// Jaro-Winkler with every l read as r on both sides: Chinese writes r as l (罗德里格斯
// "luodeligesi" for Rodriguez), Japanese l as r.
double jaro_winkler_one_liquid(std::string_view a, std::string_view b) {
  constexpr std::size_t kMax = 64;
  std::array<char, kMax> x{};
  std::array<char, kMax> y{};
  const std::size_t na = std::min(a.size(), kMax);
  const std::size_t nb = std::min(b.size(), kMax);
  for (std::size_t i = 0; i < na; ++i) x[i] = a[i] == 'l' ? 'r' : a[i];
  for (std::size_t i = 0; i < nb; ++i) y[i] = b[i] == 'l' ? 'r' : b[i];
  return jaro_winkler(std::string_view(x.data(), na), std::string_view(y.data(), nb));
}

}  // namespace

double score_form(const std::vector<QueryToken>& query, const NameIndex::Data& d, const FormRec& f, FormMode mode,
                  Explanation* why, PairMemo* memo) {
  const bool joined = mode == FormMode::kJoined || mode == FormMode::kJoinedOneSide;
  const double floor = mode == FormMode::kJoinedOneSide ? kOneSideJoinedFloor : kJoinedFloor;
  struct Pair {
    double sim;
    std::uint32_t q;
    std::uint32_t n;
  };
  // Names have few tokens; fixed buffers keep the hot path free of allocation.
  constexpr std::size_t kMaxTokens = 24;
  const std::size_t nq = std::min(query.size(), kMaxTokens);
  const std::size_t nn = std::min<std::size_t>(f.token_count, kMaxTokens);
  std::array<Pair, kMaxTokens * kMaxTokens> pairs;
  std::size_t count = 0;
  for (std::uint32_t i = 0; i < nq; ++i) {
    const std::uint32_t slot = memo ? memo->slot(&query[i], joined ? kJoinedWay : kWholeWay) : 0;
    for (std::uint32_t j = 0; j < nn; ++j) {
      const std::uint32_t id = d.form_tokens[f.first_token + j];
      const TokenRec& t = d.tokens[id];
      // A joined reading holds several words: an ending or an h on it is no inflection
      // ("martin aas" joined is not Lithuanian for Martin).
      auto similarity = [&] {
        if (query[i].han) {
          const std::string_view text = d.str(t.text);
          if (query[i].text == text) return 1.0;
          return query[i].text.size() == 1 || text.size() == 1 ? spelling_similarity(query[i].text, text) : 0.0;
        }
        if (!query[i].pattern) {
          if (joined) return spelling_similarity(query[i].text, d.str(t.text));
          const double s = token_similarity(query[i].text, d.str(t.text));
          return s < kTypoSimilarity && holds_word(query[i].typos, d.str(t.text)) ? kTypoSimilarity : s;
        }
        return t.weak != 0 ? 0.0 : pattern_similarity(query[i].text, query[i].source, d, t);
      };
      const double sim = memo ? memo->get(slot, id, similarity) : similarity();
      if (sim > 0 && (!joined || sim >= floor)) pairs[count++] = Pair{sim, i, j};
    }
  }
  std::sort(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(count),
            [](const Pair& x, const Pair& y) { return x.sim > y.sim; });
  std::array<bool, kMaxTokens> q_used{};
  std::array<bool, kMaxTokens> n_used{};
  // The pairs made, best first; then how many pair an initial with a word.
  std::size_t chosen = 0;
  std::size_t initials = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const Pair& p = pairs[k];
    if (q_used[p.q] || n_used[p.n]) continue;
    q_used[p.q] = n_used[p.n] = true;
    pairs[chosen++] = p;
    if (p.sim == kInitialSimilarity && query[p.q].text.size() == 1) ++initials;
  }
  double numerator = 0;
  double denominator = 0;
  bool strong = false;
  for (std::size_t k = 0; k < chosen; ++k) {
    const Pair& p = pairs[k];
    const TokenRec& t = d.tokens[d.form_tokens[f.first_token + p.n]];
    const double weight = query[p.q].weight + t.weight;
    // A query that writes two initials or more, each standing for a word of the list's name,
    // writes its abbreviated form (Путин В. В., J. R. R. Tolkien), and so does one that
    // writes a patronymic's initial (Vladimir V. Putin). Not a list's initials: Q.C. Chen
    // abbreviates too much to confirm 超 春梅 陈.
    const bool abbreviated =
        p.sim == kInitialSimilarity && query[p.q].text.size() == 1 && (initials >= 2 || is_patronymic(d.str(t.text)));
    const double sim = abbreviated ? kInitialsSimilarity : p.sim;
    numerator += sim * weight;
    denominator += weight;
    if (!query[p.q].weak && t.weak == 0) strong = true;
    // A Chinese pattern's mark is no letter of the query's: the explanation shows the pattern without it.
    if (why) why->pairs.push_back({query[p.q].text, std::string(d.str(t.text)), sim, weight, query[p.q].weak});
  }
  for (std::uint32_t i = 0; i < nq; ++i) {
    if (q_used[i]) continue;
    denominator += query[i].weight;
    if (why) why->pairs.push_back({query[i].text, "", 0.0, query[i].weight, query[i].weak});
  }
  for (std::uint32_t j = 0; j < nn; ++j) {
    if (n_used[j]) continue;
    const TokenRec& t = d.tokens[d.form_tokens[f.first_token + j]];
    const double missing = unmatched_name_weight(d, t, chosen);
    denominator += missing;
    if (why) why->pairs.push_back({"", std::string(d.str(t.text)), 0.0, missing, t.weak != 0});
  }
  if (!strong || denominator <= 0) return 0.0;
  return numerator / denominator;
}

double score_sounds(const std::vector<QuerySound>& query, const NameIndex::Data& d, const FormRec& f, Explanation* why,
                    PairMemo* memo) {
  struct Pair {
    double sim;
    std::uint32_t q;
    std::uint32_t n;
    bool corroborating;  // equal short keys: count only beside a pair of full keys
  };
  constexpr std::size_t kMaxTokens = 24;
  const std::size_t nq = std::min(query.size(), kMaxTokens);
  const std::size_t nn = std::min<std::size_t>(f.token_count, kMaxTokens);
  std::array<Pair, kMaxTokens * kMaxTokens> pairs;
  std::size_t count = 0;
  double strong_weight = 0;
  std::size_t strong_tokens = 0;
  std::array<std::uint32_t, kMaxTokens> slots{};
  if (memo)
    for (std::uint32_t i = 0; i < nq; ++i) slots[i] = memo->slot(&query[i], kSoundWay);
  for (std::uint32_t j = 0; j < nn; ++j) {
    const std::uint32_t id = d.form_tokens[f.first_token + j];
    const TokenRec& t = d.tokens[id];
    if (t.weak != 0) continue;
    strong_weight += t.weight;
    ++strong_tokens;
    const std::string_view text = d.str(t.text);
    const std::string_view key = d.str(t.sound);
    for (std::uint32_t i = 0; i < nq; ++i) {
      // The pair's similarity; 0 when the two make no pair, negated when corroborating
      // (every pair's is above 0), so that the memo keeps both in one value.
      auto signed_pair = [&] {
        double sim = sound_similarity(query[i].key, key);
        const bool corroborating = sim < kSoundFloor && !key.empty() && query[i].key == key;
        if (corroborating) sim = kCorroboratingSimilarity;
        if (sim < kSoundFloor) return 0.0;
        const double spelling =
            query[i].one_liquid ? jaro_winkler_one_liquid(query[i].word, text) : jaro_winkler_bits(query[i].word, text);
        if (spelling < kSoundSpellingFloor) return 0.0;
        const double pair = sim * query[i].certainty * (1.0 - kSpellingShare + kSpellingShare * spelling);
        return corroborating ? -pair : pair;
      };
      const double pair = memo ? memo->get(slots[i], id, signed_pair) : signed_pair();
      if (pair == 0.0) continue;
      pairs[count++] = Pair{pair < 0.0 ? -pair : pair, i, j, pair < 0.0};
    }
  }
  if (count == 0) return 0.0;
  std::sort(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(count),
            [](const Pair& x, const Pair& y) { return x.sim > y.sim; });
  std::array<bool, kMaxTokens> q_used{};
  std::array<bool, kMaxTokens> n_used{};
  bool full = false;  // a pair of full keys was made
  std::size_t paired = 0;
  double numerator = 0;
  double denominator = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const Pair& p = pairs[k];
    if (q_used[p.q] || n_used[p.n]) continue;
    q_used[p.q] = n_used[p.n] = true;
    if (!p.corroborating) full = true;
    ++paired;
    const TokenRec& t = d.tokens[d.form_tokens[f.first_token + p.n]];
    numerator += p.sim * 2 * t.weight;
    denominator += 2 * t.weight;
    if (why) why->pairs.push_back({query[p.q].word, std::string(d.str(t.text)), p.sim, 2 * t.weight});
  }
  const double mean = strong_weight / static_cast<double>(std::max<std::size_t>(strong_tokens, 1));
  for (std::uint32_t i = 0; i < nq; ++i) {
    if (q_used[i]) continue;
    denominator += mean;
    if (why) why->pairs.push_back({query[i].word, "", 0.0, mean});
  }
  for (std::uint32_t j = 0; j < nn; ++j) {
    if (n_used[j]) continue;
    const TokenRec& t = d.tokens[d.form_tokens[f.first_token + j]];
    const double missing = unmatched_name_weight(d, t, paired);
    denominator += missing;
    if (why) why->pairs.push_back({"", std::string(d.str(t.text)), 0.0, missing, t.weak != 0});
  }
  return full && denominator > 0 ? numerator / denominator : 0.0;
}

}  // namespace interdict
