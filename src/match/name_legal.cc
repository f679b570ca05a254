// Legal-form words (Ltd, Inc., LLC, 有限公司 ...) found among a name's tokens and dropped.
//
// A legal form may span tokens: "L.L.C." is three, "you xian gong si" (有限公司 in pinyin)
// four. So a run of adjacent tokens is a legal form when its concatenation is one. This runs
// on every name probe, and most tokens begin no legal form: a run is walked in a trie of the
// forms only while it is still the start of one.

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "match/name_tokens.h"

namespace interdict::name_detail {
namespace {

// Written as the concatenation of their tokens so that "L.L.C.", "S.A.", "you xian gong si"
// and "Youxian Gongsi" all meet one entry. "holdings" and "group" are not here: they tell
// entities apart.
constexpr std::string_view kLegalForms[] = {
    "ltd", "limited", "inc", "incorporated", "llc", "llp", "co", "company", "corp", "corporation", "pte", "pty", "plc",
    "gmbh", "ag", "sa", "bv", "nv", "kk", "ooo",
    // 有限公司 (limited company), 有限责任公司 (limited liability company), 股份 (shares, as
    // in 股份有限公司) and 公司 (company), as Han-Latin spells them.
    "youxiangongsi", "youxianzerengongsi", "gufen", "gongsi"};
constexpr std::size_t kMaxLegalTokens = 6;  // "you xian ze ren gong si"

// The legal forms as a trie over the letters a-z: a run of tokens is walked byte by byte,
// token after token, and leaves it at the first byte no form continues with ("beijing" at
// its e). Node 0 is the root, and as a child means none.
struct Trie {
  static constexpr std::size_t kMaxNodes = 128;
  std::array<std::array<std::uint8_t, 26>, kMaxNodes> next{};
  std::array<bool, kMaxNodes> is_form{};
  std::size_t nodes = 1;
};
constexpr Trie kTrie = [] {
  Trie trie;
  for (const std::string_view form : kLegalForms) {
    std::size_t node = 0;
    for (const char c : form) {
      std::uint8_t& child = trie.next[node][static_cast<std::size_t>(c - 'a')];
      if (child == 0) child = static_cast<std::uint8_t>(trie.nodes++);
      node = child;
    }
    trie.is_form[node] = true;
  }
  return trie;
}();
static_assert(kTrie.nodes < Trie::kMaxNodes, "the legal forms outgrow the trie");

// The first two letters of every form, as a bit per pair: most tokens of most names start
// no form, and one table lookup tells, where the walk below costs a call and its setup.
struct Starts {
  std::array<std::uint32_t, 26> second_letters{};  // bit b of [a]: some form starts a, 'a' + b
};
constexpr Starts kStarts = [] {
  Starts starts;
  for (const std::string_view form : kLegalForms) {
    starts.second_letters[static_cast<std::size_t>(form[0] - 'a')] |= 1u << (form[1] - 'a');
  }
  return starts;
}();
static_assert(std::all_of(std::begin(kLegalForms), std::end(kLegalForms),
                          [](std::string_view form) { return form.size() >= 2; }),
              "kStarts reads two letters of every form");

// Whether a legal form may start at token `i`: its first two letters (the second may be the
// next token's, as in "l l c") start one.
inline bool may_start_form(const Tokens& tokens, std::size_t i) {
  const std::size_t at = tokens.begin_of(i);
  if (at + 1 >= tokens.text.size()) return false;
  const auto first = static_cast<std::size_t>(static_cast<unsigned char>(tokens.text[at]) - 'a');
  const auto second = static_cast<unsigned>(static_cast<unsigned char>(tokens.text[at + 1]) - 'a');
  return first < 26 && second < 26 && ((kStarts.second_letters[first] >> second) & 1u) != 0;
}

// The number of tokens from `i` that make the longest legal form there, or 0, by walking
// the trie. Reads the tokens' text and ends directly.
std::size_t walk_legal_form(const Tokens& tokens, std::size_t i) {
  const char* text = tokens.text.data();
  const std::uint32_t* ends = tokens.ends.data();
  const std::size_t last = std::min(tokens.size(), i + kMaxLegalTokens);
  std::size_t longest = 0;
  std::size_t node = 0;
  for (std::size_t j = i, at = tokens.begin_of(i); j < last; ++j) {
    for (; at < ends[j]; ++at) {
      const auto letter = static_cast<std::size_t>(static_cast<unsigned char>(text[at]) - 'a');
      if (letter >= 26) return longest;
      node = kTrie.next[node][letter];
      if (node == 0) return longest;
    }
    if (kTrie.is_form[node]) longest = j - i + 1;
  }
  return longest;
}

// As walk_legal_form, but most tokens are turned away before the call.
inline std::size_t legal_form_at(const Tokens& tokens, std::size_t i) {
  return may_start_form(tokens, i) ? walk_legal_form(tokens, i) : 0;
}

}  // namespace

void drop_legal_forms(Tokens& tokens) {
  // First, whether anything goes and anything stays: a name made only of legal forms keeps
  // them all. Most names hold none, or one at the end.
  std::size_t first_drop = tokens.size();
  std::size_t first_drop_tokens = 0;
  bool any_kept = false;
  for (std::size_t i = 0; i < tokens.size() && !(any_kept && first_drop < tokens.size());) {
    const std::size_t n = legal_form_at(tokens, i);
    if (n == 0) {
      any_kept = true;
      ++i;
    } else {
      if (first_drop == tokens.size()) {
        first_drop = i;
        first_drop_tokens = n;
      }
      i += n;
    }
  }
  if (first_drop == tokens.size() || !any_kept) return;
  // Then kept tokens move down over dropped ones, in place: the text only shrinks. Writes
  // trail reads, so a token and the runs from it are read before anything overwrites them.
  // The first form is known, so the walk resumes after it.
  std::size_t write_text = tokens.begin_of(first_drop);
  std::size_t write_token = first_drop;
  for (std::size_t i = first_drop + first_drop_tokens; i < tokens.size();) {
    if (const std::size_t n = legal_form_at(tokens, i); n != 0) {
      i += n;
      continue;
    }
    const std::size_t begin = tokens.begin_of(i);
    const std::size_t size = tokens.ends[i] - begin;
    std::memmove(tokens.text.data() + write_text, tokens.text.data() + begin, size);
    write_text += size;
    if (!tokens.ideographs.empty()) tokens.ideographs[write_token] = tokens.ideographs[i];
    tokens.ends[write_token++] = static_cast<std::uint32_t>(write_text);
    ++i;
  }
  tokens.text.resize(write_text);
  tokens.ends.resize(write_token);
  if (!tokens.ideographs.empty()) tokens.ideographs.resize(write_token);
}

}  // namespace interdict::name_detail
