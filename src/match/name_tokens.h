// Internal to src/match: the tokens of a normalised name, the ASCII fold that makes them
// without ICU (here, called by name_read.cc), the Han path that reads an ideograph at a
// time (name_han.cc), the Latin path that reads a character at a time (name_latin.cc),
// and the legal forms dropped from them (name_legal.cc).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interdict::name_detail {

// The tokens of a name, back to back in one string, with where each ends. A run of adjacent
// tokens is then a substring, so runs are compared and looked up without being built.
// Reused per thread: normalising a probe allocates only while the longest name still grows.
struct Tokens {
  std::string text;
  std::vector<std::uint32_t> ends;
  // For each token, the ideograph it is the reading of, as ideograph_slot(c), or 0; empty
  // when no token is (only the Han path fills it). A search looks a Han token up by its
  // ideograph, in a memo, rather than by hashing its reading.
  std::vector<std::uint32_t> ideographs;

  void clear() {
    text.clear();
    ends.clear();
    ideographs.clear();
  }
  void end_token() {
    if (text.size() > (ends.empty() ? 0 : ends.back())) ends.push_back(static_cast<std::uint32_t>(text.size()));
  }
  [[nodiscard]] std::size_t size() const { return ends.size(); }
  [[nodiscard]] std::size_t begin_of(std::size_t i) const { return i == 0 ? 0 : ends[i - 1]; }
  // Tokens i..j (inclusive), joined.
  // REQUIRES: i <= j < size(). Built directly, not by substr: a probe looks up every run, and
  // substr's bounds check and clamp were a tenth of the search.
  [[nodiscard]] std::string_view run(std::size_t i, std::size_t j) const {
    const std::size_t begin = begin_of(i);
    return std::string_view(text.data() + begin, ends[j] - begin);
  }
  [[nodiscard]] std::string_view token(std::size_t i) const { return run(i, i); }
  [[nodiscard]] std::string_view concat() const { return text; }
  [[nodiscard]] std::vector<std::string> to_vector() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < size(); ++i) out.emplace_back(token(i));
    return out;
  }
};

// The ideographs the Han path reads alone: CJK Unified Ideographs Extension A (3400-4DBF)
// and CJK Unified Ideographs (4E00-9FFF).
constexpr char32_t kFirstIdeograph = 0x3400;
constexpr char32_t kLastIdeograph = 0x9FFF;
// An ideograph's slot in a table by ideograph, from 1; 0 is no ideograph.
constexpr std::size_t kIdeographSlots = kLastIdeograph - kFirstIdeograph + 2;
constexpr std::uint32_t ideograph_slot(char32_t c) { return static_cast<std::uint32_t>(c - kFirstIdeograph + 1); }

// Each byte as a name token holds it: letters lowercased, digits kept, 0 for the rest of
// ASCII (separators), kNotAscii for the bytes of other characters.
constexpr char kNotAscii = 1;
constexpr auto kAsciiFold = [] {
  std::array<char, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = static_cast<char>(c);
  for (int c = 0x80; c <= 0xff; ++c) table[static_cast<std::size_t>(c)] = kNotAscii;
  return table;
}();

// Splits the ASCII bytes at the start of `text` into lowercase letter-and-digit tokens,
// appending to `out`; every other ASCII character separates tokens, as in the Unicode path.
// Stops at the first byte that is not ASCII and returns its offset (text.size() when there
// is none). The token being written there is left open, not yet in `out.ends`: the path
// that reads the rest of the name (append_han_tokens, append_latin_tokens) continues it,
// and a name of ASCII alone ends it with out.end_token(). Writes through a pointer into
// room made once: a name probe is folded in one pass, and no fast path reads it again.
inline std::size_t fold_ascii_prefix(std::string_view text, Tokens& out) {
  std::size_t n = out.text.size();
  out.text.resize(n + text.size());
  char* p = out.text.data();
  std::size_t last_end = out.ends.empty() ? 0 : out.ends.back();
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    const char folded = kAsciiFold[static_cast<unsigned char>(text[i])];
    if (folded > kNotAscii) {
      p[n++] = folded;
    } else if (folded == kNotAscii) {
      break;
    } else if (n > last_end) {
      out.ends.push_back(static_cast<std::uint32_t>(n));
      last_end = n;
    }
  }
  out.text.resize(n);
  return i;
}

// How ICU reads ideograph `c` alone: the text of its one token into `reading`, or false.
using ReadIdeograph = bool (*)(const void* context, char32_t c, std::string& reading);
// How ICU reads character `c` alone: its whole reading, as UTF-8, into `reading`, or false.
using ReadCharacter = bool (*)(const void* context, char32_t c, std::string& reading);

// Appends the tokens of a name of Han ideographs and ASCII where no ASCII letter or digit
// touches an ideograph (name_han.cc): each ideograph is a token, read by `read` once per
// thread. Reading starts at offset `from`, `out` holding what fold_ascii_prefix made of
// the bytes before it. Returns false, with `out` undefined, for any other name, which ICU
// reads whole.
bool append_han_tokens(std::string_view name, std::size_t from, Tokens& out, ReadIdeograph read, const void* context);

// Appends the tokens of a name of ASCII and precomposed Latin letters (Latin-1 Supplement,
// Latin Extended-A, -B and Additional) (name_latin.cc): each such character is read by `read`
// once per thread, and its reading joins the token it stands in. Returns false, with `out`
// undefined, for any other name (combining marks, other scripts, broken UTF-8), which ICU
// reads whole. Reading starts at offset `from`, as in append_han_tokens.
bool append_latin_tokens(std::string_view name, std::size_t from, Tokens& out, ReadCharacter read, const void* context);

// Drops the runs of adjacent tokens that spell a legal form ("ltd", "l l c", "you xian gong
// si"), the longest at each token, unless nothing else would be left (name_legal.cc).
void drop_legal_forms(Tokens& tokens);

}  // namespace interdict::name_detail
