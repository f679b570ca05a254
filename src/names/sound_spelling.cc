// A list name's letters as the transcriptions hear them (sound_spelling.h).
//
// Thread-safety: as normalise_name.
#include "names/sound_spelling.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace interdict {
namespace {

// Marks the fold passes through as they are (it reads letters only), read back by
// sounded_token: the ch of Dutch sch, which the fold would make German sh with its s, and
// the e of French oé, which it would make Dutch u with its o.
constexpr char kDutchCh = '1';
constexpr char kFrenchE = '2';

bool ascii_is(char c, char lower) { return c == lower || c == lower - 'a' + 'A'; }

// A name whose ç is Turkish, Azerbaijani or Albanian ch, not Portuguese or French s: it
// writes a letter of those languages (ı İ ş Ş ğ Ğ ə Ə ë Ë), or a ç before e or i, which
// Portuguese and French never write (their c is soft there).
bool cedilla_is_ch(std::string_view name) {
  constexpr std::array<std::string_view, 10> kMarks{"\xC4\xB1", "\xC4\xB0", "\xC5\x9F", "\xC5\x9E", "\xC4\x9F",
                                                    "\xC4\x9E", "\xC9\x99", "\xC6\x8F", "\xC3\xAB", "\xC3\x8B"};
  if (std::any_of(kMarks.begin(), kMarks.end(), [&](std::string_view m) { return name.find(m) != name.npos; }))
    return true;
  for (std::size_t at = 0; at + 2 < name.size(); ++at) {
    const std::string_view rest = name.substr(at);
    if ((rest.starts_with("\xC3\xA7") || rest.starts_with("\xC3\x87")) &&
        (ascii_is(rest[2], 'e') || ascii_is(rest[2], 'i')))
      return true;
  }
  return false;
}

// A Czech name: one with ř, which no other language writes. Its j is the glide i before
// i as well (Jiřina, Japanese イジナ), where the fold keeps pinyin's j.
bool czech(std::string_view name) {
  return name.find("\xC5\x99") != name.npos || name.find("\xC5\x98") != name.npos;  // ř Ř
}

// `name` with the letters sound_spelling.h names respelled, "" when it holds none.
std::string respelled(std::string_view name) {
  const bool cedilla_ch = cedilla_is_ch(name);
  const bool czech_j = czech(name);
  std::string out;
  out.reserve(name.size() + 4);
  bool changed = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const std::string_view rest = name.substr(i);
    const char next = rest.size() > 1 ? rest[1] : '\0';
    const char after = rest.size() > 2 ? rest[2] : '\0';
    // English th, [θ], is the tables' s (史密斯 Smith, セオドア Theodore); a tth once.
    if (ascii_is(rest[0], 't') && ascii_is(next, 'h')) {
      if (!out.empty() && ascii_is(out.back(), 't')) out.pop_back();
      out += 's';
      changed = true;
      ++i;
      continue;
    }
    // Dutch sch is s and the ch of Dutch (斯彻特斯 Schoeters); German tsch is ch alone.
    if (ascii_is(rest[0], 's') && ascii_is(next, 'c') && ascii_is(after, 'h') &&
        (out.empty() || !ascii_is(out.back(), 't'))) {
      out += 's';
      out += kDutchCh;
      changed = true;
      i += 2;
      continue;
    }
    if (czech_j && ascii_is(rest[0], 'j') && ascii_is(next, 'i')) {
      out += 'i';
      continue;
    }
    std::string_view to;
    if (rest.starts_with("\xC3\xA7") || rest.starts_with("\xC3\x87")) {  // ç Ç
      to = cedilla_ch ? "ch" : "s";
    } else if (rest.starts_with("\xC5\x9F") || rest.starts_with("\xC5\x9E") || rest.starts_with("\xC8\x99") ||
               rest.starts_with("\xC8\x98")) {  // Turkish ş, Romanian ș
      to = "sh";
    } else if (rest.starts_with("\xC5\x99") || rest.starts_with("\xC5\x98")) {  // ř Ř
      to = "rzh";
    } else if (rest.starts_with("\xC3\xB6") || rest.starts_with("\xC3\x96")) {  // ö Ö
      to = "e";
    } else if ((rest.starts_with("\xC3\xA9") || rest.starts_with("\xC3\x89") || rest.starts_with("\xC3\xAB") ||
                rest.starts_with("\xC3\x8B")) &&
               !out.empty() && ascii_is(out.back(), 'o')) {  // é ë after o
      to = std::string_view(&kFrenchE, 1);
    }
    if (to.empty()) {
      out += rest[0];
      continue;
    }
    out += to;
    changed = true;
    ++i;  // each letter above is two bytes
  }
  return changed ? out : std::string();
}

}  // namespace

NameTokens sound_reading(std::string_view name) {
  if (std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
  const std::string text = respelled(name);
  if (text.empty()) return {};
  auto readings = normalise_name(text);
  if (readings.empty()) return {};
  return std::move(readings.front());
}

std::string sounded_token(std::string_view respelled, std::string_view token) {
  std::string out;
  out.reserve(respelled.size() + 2);
  for (char c : respelled) {
    if (c == kDutchCh) {
      out += "ch";
    } else if (c == kFrenchE) {
      out += 'e';
    } else {
      out += c;
    }
  }
  return out == token ? std::string() : out;
}

}  // namespace interdict
