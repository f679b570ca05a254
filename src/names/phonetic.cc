// Sound keys. The classes follow what the transcription systems merge, measured on
// rigour's spellings of the same surname across scripts (docs/names-rules.md):
//   B  b p f v w (Arabic has no p or v, Japanese and Korean no v; Chinese writes v as w)
//   T  t d, th dh
//   K  k g q c (before a, o, u or a consonant), pinyin j ("吉" ji for Gi-, "基" for Ki-)
//   S  s z x c (before e, i), ch sh zh ts tz dz; pinyin x, q, c, z; Cyrillic c (ц, ч)
//   N  m n, final ng (Chinese and Japanese nasal codas take the next consonant's place)
//   R  r l (Chinese, Japanese and Korean have one liquid)
// Dropped: vowels, h (Russian х, Spanish j and Chinese h meet only without it), j and y
// (Slavic j is y, Spanish j is h, English j is dʒ: no one class fits), w inside a word
// written in an abjad (a vowel letter there).
#include "names/phonetic.h"

#include <algorithm>
#include <array>

#include "names/letters.h"

namespace interdict {
namespace {

using letters::is_vowel_or_y;

// The class of the sound at `word[i]`, and how many letters it takes; '\0' drops them.
std::pair<char, std::size_t> sound_at(std::string_view word, std::size_t i, Spelling spelling) {
  const std::string_view rest = word.substr(i);
  const char c = word[i];
  const char next = i + 1 < word.size() ? word[i + 1] : '\0';
  auto starts = [&rest](std::string_view s) { return rest.starts_with(s); };
  if (spelling == Spelling::kGreek && i == 0 && starts("mp")) return {'B', 2};  // μπ is b
  if (spelling == Spelling::kGreek && i == 0 && starts("nt")) return {'T', 2};  // ντ is d
  if (starts("ch") || starts("sh") || starts("zh") || starts("ts") || starts("tz") || starts("dz") || starts("cz") ||
      starts("sz"))
    return {'S', 2};
  if (starts("th") || starts("dh")) return {'T', 2};
  if (starts("gh")) return {'K', 2};
  if (starts("ng") && (i + 2 == word.size() || !is_vowel_or_y(word[i + 2]))) return {'N', 2};
  switch (c) {
    case 'b':
    case 'p':
    case 'f':
    case 'v': return {'B', 1};
    case 'w':
      // Chinese writes v with 瓦 wa, 维 wei, 沃 wo; in an abjad w inside a word is a vowel.
      return {i == 0 || spelling != Spelling::kAbjad ? 'B' : '\0', 1};
    case 't':
    case 'd': return {'T', 1};
    case 'k':
    case 'g': return {'K', 1};
    case 'q': return {spelling == Spelling::kPinyin ? 'S' : 'K', 1};
    case 'x': return {spelling == Spelling::kPinyin ? 'S' : 'K', 1};
    case 'c':
      if (spelling == Spelling::kPinyin || spelling == Spelling::kCyrillic) return {'S', 1};
      return {next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K', 1};
    case 's':
    case 'z': return {'S', 1};
    case 'j': return {spelling == Spelling::kPinyin ? 'K' : '\0', 1};
    case 'm':
    case 'n': return {'N', 1};
    case 'r':
    case 'l': return {'R', 1};
    default: return {'\0', 1};  // vowels, h, y, anything not a lowercase ASCII letter
  }
}

}  // namespace

std::string sound_key(std::string_view word, Spelling spelling) {
  std::string key;
  for (std::size_t i = 0; i < word.size();) {
    const auto [sound, used] = sound_at(word, i, spelling);
    if (sound != '\0' && (key.empty() || key.back() != sound)) key.push_back(sound);
    i += used;
  }
  return key;
}

double sound_similarity(std::string_view a, std::string_view b) {
  // Keys of one or two classes say too little: most Chinese and Korean given names
  // ("xiuying" SN, "jang" N) would meet most short list names.
  if (a.size() < kMinSoundKey || b.size() < kMinSoundKey) return 0.0;
  if (a == b) return 1.0;
  // Levenshtein over short keys; longer ones are cut, which only lowers the similarity.
  constexpr std::size_t kMax = 32;
  a = a.substr(0, std::min(a.size(), kMax));
  b = b.substr(0, std::min(b.size(), kMax));
  std::array<std::size_t, kMax + 1> row{};
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
      diagonal = above;
    }
  }
  const double longer = static_cast<double>(std::max(a.size(), b.size()));
  return std::max(0.0, 1.0 - static_cast<double>(row[b.size()]) / longer);
}

void sound_postings(std::string_view key, std::vector<std::string>& out) {
  if (key.size() < kMinSoundKey) return;
  out.emplace_back(key);
  for (std::size_t i = 0; i < key.size(); ++i) {
    std::string shorter(key.substr(0, i));
    shorter.append(key.substr(i + 1));
    if (std::find(out.begin(), out.end(), shorter) == out.end()) out.push_back(std::move(shorter));
  }
}

}  // namespace interdict
