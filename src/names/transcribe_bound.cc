// The consonant bound on a transcription alignment's cost (transcribe_bound.h).
//
// Each letter gets the set of letters on the other side that could pair with it for less
// than 1 (a mask over a-z): its own class (transcription_class), itself, and the letters of
// the spelling rules that read two letters as one sound (transcribe_rules.cc's spelling_unit:
// token ch for k, z for ts, c for ch, sc for sh, gi for j, ck for k) or pair two letters
// cheaply in context (a Spanish j for h, a final z for s). A rule needs all its letters,
// so listing one of them keeps the set large enough.
#include "names/transcribe_bound.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "names/letters.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

constexpr std::size_t kMaxLetters = 32;  // transcription_similarity's cut

std::uint32_t bit(char c) { return std::uint32_t{1} << (c - 'a'); }
using letters::is_lower;
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
using letters::is_vowel;
// An optional letter of a pattern: an uppercase vowel, the H of katakana シ and 谢, the R
// of a long a.
bool is_optional(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'H' || c == 'R'; }
char liquid(char c) { return c == 'l' ? 'r' : c; }

struct Partners {
  std::array<std::uint32_t, 26> of_pattern{};  // a pattern consonant's cheap token letters
  std::array<std::uint32_t, 26> of_token{};    // a list consonant's cheap pattern letters
  std::array<std::uint32_t, 26> in_context{};  // more of them, where the letter after allows
};

// True when token[k], a letter with partners in context, has them: the kana conventions of
// transcribe_rules.cc (チ for ti, ジ for di and zh, ウ for a v before a consonant or last), ch for h
// (German) and for 乔's j, ci for that j, and sh for h (希).
bool context_holds(std::string_view token, std::size_t k) {
  const char next = k + 1 < token.size() ? token[k + 1] : '\0';
  switch (token[k]) {
    case 't': return next == 'i' || next == 's' || next == 'z';
    case 'd': return next == 'i';
    case 'z': return next == 'h' || next == 's' || (k > 0 && token[k - 1] == 'd');
    case 'v': return !is_vowel(next);
    case 'c': return next == 'h' || next == 'i';
    case 's': return next == 'h' || (k > 0 && token[k - 1] == 'z');
    default: return false;
  }
}

// What leaving token[k] out costs the alignment at least (transcribe_rules.cc's
// token_gap), for a consonant with no cheap partner: a nasal before a consonant in a long
// token, a final t after a vowel, a v before u, French silent x, the d of dz and of -ward
// cost less than 1; any other such consonant, substituted or left out, 1.
double least_gap(std::string_view token, std::size_t k) {
  const char c = token[k];
  const char next = k + 1 < token.size() ? token[k + 1] : '\0';
  if (c == 'd' && next == 'z') return kSameSoundCost;
  if (french_silent_x(token, k)) return kSameSoundCost;
  // English ew and aw (folded ev, av) are one vowel, written u and o.
  if (c == 'v' && k > 0 && (token[k - 1] == 'e' || token[k - 1] == 'a')) return kSameSoundCost;
  if (droppable_nasal(token, k) || silent_final_t(token, k) || silent_stl_t(token, k) || silent_final_z(token, k) ||
      labial_before_u(token, k) || english_ward_d(token, k))
    return kNearCost;
  return 1.0;
}

// True when the token holds an Italian sch before e or i (folded sh), whose h the
// pattern's k may pair with.
bool holds_sch(std::string_view token) {
  for (std::size_t k = 1; k + 1 < token.size(); ++k)
    if (token[k] == 'h' && token[k - 1] == 's' && (token[k + 1] == 'e' || token[k + 1] == 'i')) return true;
  return false;
}

Partners make_partners() {
  Partners p;
  for (char c = 'a'; c <= 'z'; ++c) {
    std::uint32_t same = bit(c);
    const char k = transcription_class(c);
    if (k != 0)
      for (char o = 'a'; o <= 'z'; ++o)
        if (transcription_class(o) == k) same |= bit(o);
    p.of_pattern[c - 'a'] = same;
    p.of_token[c - 'a'] = same;
  }
  auto add = [](std::array<std::uint32_t, 26>& to, char c, char partner) { to[c - 'a'] |= bit(partner); };
  // j is a vowel's neighbour: j for i costs a vowel's price.
  add(p.of_pattern, 'j', 'i');
  add(p.of_token, 'j', 'i');
  // Spelling rules, pattern side: k as ch, j as gi or ge, ch as ci or c, sh as sc, ts as z.
  // Some pairs below already share a class (j g, s c z); they are listed so that the bound
  // still holds should the classes change.
  add(p.of_pattern, 'k', 'c');
  add(p.of_pattern, 'j', 'g');
  add(p.of_pattern, 'c', 'c');
  add(p.of_pattern, 's', 'c');
  add(p.of_pattern, 's', 'z');
  add(p.of_pattern, 't', 'z');
  add(p.of_pattern, 't', 'c');
  add(p.of_pattern, 'c', 'g');
  add(p.of_pattern, 'z', 'g');
  // Katakana フ writes hu as well as fu: the pattern's f meets the list's h.
  add(p.of_pattern, 'f', 'h');
  // French oi is the pattern's va or wa: its v or w meets the list's o.
  add(p.of_pattern, 'v', 'o');
  add(p.of_pattern, 'w', 'o');
  // The same rules from the list side: ch for k, c for ch, sc for sh, z for ts.
  add(p.of_token, 'c', 'k');
  add(p.of_token, 'c', 'c');
  add(p.of_token, 'c', 's');
  add(p.of_token, 's', 's');
  add(p.of_token, 'z', 't');
  add(p.of_token, 'z', 's');
  // A Spanish j is written with the pattern's h (罗哈斯 Rojas): transcribe_align.cc pairs them at a
  // near consonant's price. (The pattern's h is never counted alone.)
  add(p.of_token, 'j', 'h');
  // Spanish g before e and i is the pattern's h (卡塔赫纳 Cartagena); tz is ts.
  add(p.of_token, 'g', 'h');
  // The kana conventions: チ for ti, ジ for di and for zh, ウ for a v before a consonant or last.
  // From the list side they hold only in context (Partners::in_context): a t or d before
  // i, the z of zh, a v before a consonant or last. Pattern letters hold i and u nearly always, so
  // partners given everywhere would leave most z and v uncounted.
  add(p.of_pattern, 'c', 't');
  add(p.of_pattern, 'j', 'd');
  add(p.of_pattern, 'j', 'z');
  add(p.of_pattern, 'j', 's');
  // ジ between vowels is a voiced s or z (ミニョージ Mignosi). Given everywhere: a pattern
  // holds a j far more seldom than an i.
  add(p.of_token, 's', 'j');
  add(p.of_token, 'z', 'j');
  add(p.in_context, 't', 'c');
  // Chinese z is an unaspirated ts: the t of ts and tz meets it.
  add(p.in_context, 't', 'z');
  add(p.of_pattern, 'z', 't');
  add(p.in_context, 'd', 'j');
  add(p.in_context, 'z', 'j');
  add(p.in_context, 'z', 'i');
  add(p.in_context, 'v', 'u');
  // Hungarian zs, ジ or 日's zh: its s meets the pattern's i, j or h.
  add(p.in_context, 's', 'i');
  add(p.in_context, 's', 'j');
  // German ch and Chinese x for sh are the pattern's h; ch and ci before a vowel are 乔's j,
  // folded to the glide i. Italian sch is sk: the pattern's k meets the list's h.
  add(p.in_context, 'c', 'h');
  add(p.in_context, 'c', 'i');
  add(p.in_context, 's', 'h');
  return p;
}

const Partners& partners() {
  static const Partners p = make_partners();
  return p;
}

}  // namespace

double transcription_cost_floor(std::string_view pattern, std::string_view token) {
  pattern = pattern.substr(0, std::min(pattern.size(), kMaxLetters));
  token = token.substr(0, std::min(token.size(), kMaxLetters));
  const Partners& p = partners();
  // The alignment's classes are uppercase letters (b p f v are "B"): a stray uppercase
  // letter on either side would pair cheaply with a class it names, which no mask here
  // holds. Patterns and folded tokens never hold one; for such input there is no bound.
  std::uint32_t pattern_letters = 0;
  for (char c : pattern) {
    if (is_upper(c) && !is_optional(c)) return 0;
    const char lowered = is_optional(c) ? static_cast<char>(c - 'A' + 'a') : liquid(c);
    if (is_lower(lowered)) pattern_letters |= bit(lowered);
  }
  std::uint32_t token_letters = 0;
  for (char c : token) {
    if (is_upper(c)) return 0;
    const char l = liquid(c);
    if (is_lower(l)) token_letters |= bit(l);
  }
  // Any other byte that is no lowercase letter (a digit, UTF-8) is in no mask: the
  // alignment pairs it with itself alone, so it stays uncounted and helps no letter.
  // The pattern's k meets the h of an Italian sch only where the token has one.
  const std::uint32_t sch = (pattern_letters & bit('k')) != 0 && holds_sch(token) ? bit('h') : 0;
  // Chinese 温 and 文 (wen, pinyin's uen) write a first un: the pattern's first v meets the
  // token's first u there, and nowhere else.
  const char second = pattern.size() > 2 ? static_cast<char>(pattern[1] | 0x20) : '\0';
  const bool uen = pattern.size() > 2 && pattern[0] == 'v' && (second == 'e' || second == 'i') && pattern[2] == 'n' &&
                   token.size() > 1 && token[0] == 'u' && token[1] == 'n';
  double pattern_alone = 0;
  for (char c : pattern) {
    const char l = liquid(c);
    if (is_optional(c) || !is_lower(l) || is_vowel(l) || l == 'r' || l == 'h') continue;
    const std::uint32_t partners = p.of_pattern[l - 'a'] | (l == 'k' ? sch : 0) | (l == 'v' && uen ? bit('u') : 0);
    if ((partners & token_letters) == 0) pattern_alone += 1.0;
  }
  double token_alone = 0;
  for (std::size_t k = 0; k < token.size(); ++k) {
    const char l = liquid(token[k]);
    if (!is_lower(l) || is_vowel(l) || l == 'r' || l == 'h' || l == 'g') continue;
    std::uint32_t partners = p.of_token[l - 'a'];
    if (context_holds(token, k)) partners |= p.in_context[l - 'a'];
    if ((partners & pattern_letters) == 0) token_alone += least_gap(token, k);
  }
  return std::max(pattern_alone, token_alone);
}

bool transcription_may_reach(std::string_view pattern, std::string_view token, double floor) {
  const std::size_t letters = std::min(token.size(), kMaxLetters);
  if (letters < 3) return true;
  std::size_t required = 0;
  for (std::size_t i = 0; i < pattern.size() && i < kMaxLetters; ++i)
    if (!is_optional(pattern[i])) ++required;
  // The similarity is 1 - cost / length, and the cost is at least the floor found here;
  // the same arithmetic, less a hair for fractional costs summed in another order, so a
  // pair at the edge is kept.
  const double length = static_cast<double>(std::max(letters, required));
  return 1.0 - (transcription_cost_floor(pattern, token) - 1e-9) / length >= floor;
}

}  // namespace interdict
