// The Latin reading of marked words: the transliterator, and the way round it for texts of
// ideographs (latin_reading.h).
#include "names/latin_reading.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "base/ideograph_readings.h"

namespace interdict {
namespace {

// Any-Latin then Latin-ASCII, with the letters whose ASCII fold loses a sound spelled out
// first. Cyrillic ц, щ and the iotated vowels я, ю, є, ї, ё are read as English lists write
// them (ts, shch, ya, yu, ye, yi, yo), not as ISO 9's c, ŝ, â, û, ê, ï, ë; the Czech, Croatian and Polish č ć š ś ž ź ż
// (and ISO 9's readings of ч ш ж) become ch, sh and zh, since Latin-ASCII would drop their h: "Čagajev" / "Chagaev",
// "Чернышевский" / "Chernyshevsky".
//
// Greek is read as modern Greek is romanised (ELOT 743, the Greek standard behind ISO 843's
// transcription), not as ICU's classical reading: β is v and η is i, and μπ, ντ and γκ,
// which are how Greek writes b, d and g, read so at the start of a word and as mb, nd and
// ng inside it ("Βλαντίμιρ" vlandimir, not blantimir; "Μπουράκ" Burak, "Κολόμπο" Kolombo).
//
// No Greek word ends in μπ, ντ or γκ: there they write a foreign name's b, d or g ("Ρόναλντ"
// Ronald, "Μπαντ" Bud), not mb, nd and ng ("ronalnd").
//
// Khmer: ICU has no Khmer-Latin, and the tokeniser dropped its vowel signs as marks (វ៉្លាឌីមៀរ
// ពូទីន read "វលឌមរ ពទន"). kKhmerRules read it by UNGEGN's romanisation, ASCII: each consonant
// by its letter, a subscript (after the coeng ្) alike, each vowel sign by its vowels, the
// signs that change a consonant's series or mark a tone by nothing, a consonant silenced by
// the toandakhiat (៍) by nothing. A consonant with no vowel sign before another consonant
// holds the inherent vowel, a in the first series (or one the muusikatoan ៉ moved there), o
// in the second (or one the triisap ៊ moved there), unless a vowel before it makes it its
// syllable's final (ប៊ុនហៀង Bunhieng); last in a word it is a final, no vowel. ុ and ូ are o
// after the first series, u after the second (ហ៊ុន តូ Hun To). The series are seen in a pass
// of their own, kKhmerSyllables, before the letters are read.
//
// Burmese: ICU's Myanmar-Latin writes the long vowels ာ, ီ and ူ as ar, e and uu, a bare
// -င် as ain and the tone marks း and ့ as letters (ပူတင် "puutain", မင်း "mainn"), where
// names are romanised a, i, u, in and no letter for a tone (Htin Kyaw ထင်ကျော်, Min).
constexpr char16_t kKhmerSyllables[] =
    u"$khc = [\u1780-\u17A2]; $kh1 = [កខចឆដឋណតថបផសហឡអឝឞ]; $kh2 = [គឃងជឈញឌឍទធនពភមយរលវ];"
    u"$khv = [\u17B6-\u17C6 a-z]; $khs = [\u17C7-\u17CB];"
    u"$khc [\u17C9\u17CA]? \u17CD > ;"
    u"$kh1 { [ុូ] > o; $kh2 \u17C9 { [ុូ] > o;"
    u"$khv $khs* { ($khc) } $khc > $1;"
    u"($kh1) } $khc > $1 a; ($kh2 \u17C9) } $khc > $1 a;"
    u"($kh2) } $khc > $1 o; ($kh1 \u17CA) } $khc > $1 o;"
    u"::Null;";
constexpr char16_t kKhmerLetters[] =
    u"[កគ] > k; [ខឃ] > kh; ង > ng; [ចជ] > ch; [ឆឈ] > chh; ញ > nh; [ដឌ] > d; [ឋឍថធ] > th;"
    u"[ណន] > n; [តទ] > t; ប > b; [ផភ] > ph; ព > p; ម > m; យ > y; រ > r; [លឡ] > l; វ > v;"
    u"[ឝឞស] > s; ហ > h; អ > ;"
    u"[ឣឤ] > a; [ឥឦ] > i; [ឧឩ] > u; ឨ > uk; ឪ > ov; ឫ > rue; ឬ > rueu; ឭ > lue; ឮ > lueu;"
    u"ឯ > ae; ឰ > ai; [ឱឲ] > ao; ឳ > au;"
    u"ា > a; [ិី] > i; ឹ > e; ឺ > eu; [ុូ] > u; ួ > uo; ើ > aeu; ឿ > oea; ៀ > ie; េ > e;"
    u"ែ > e; ៃ > ai; ោ > o; ៅ > au; ំ > m; ះ > h; [\u17B4\u17B5\u17C8-\u17D3\u17DD] > ;";
constexpr char16_t kMyanmarRules[] = u"[\u1000-\u1021] { င် > in; [^ေ] { [ာါ] > a; ီ > i; ူ > u; [း့] > ;";
constexpr char16_t kLatinRules[] =
    u"[цЦ] > тс; [щЩ] > шч; [яЯ] > йа; [юЮ] > йу; [єЄ] > йе; [їЇ] > yi; [ёЁ] > йо;"
    u"[βΒϐ] > v; [ηΗήΉ] > i;"
    u"^ [μΜ][πΠ] > b; [^[:L:][:M:]] { [μΜ][πΠ] > b; [μΜ][πΠ] } [^[:L:][:M:]] > b; [μΜ][πΠ] } $ > b;"
    u"[μΜ][πΠ] > mb;"
    u"^ [νΝ][τΤ] > d; [^[:L:][:M:]] { [νΝ][τΤ] > d; [νΝ][τΤ] } [^[:L:][:M:]] > d; [νΝ][τΤ] } $ > d;"
    u"[νΝ][τΤ] > nd;"
    u"^ [γΓ][κΚ] > g; [^[:L:][:M:]] { [γΓ][κΚ] > g; [γΓ][κΚ] } [^[:L:][:M:]] > g; [γΓ][κΚ] } $ > g;"
    u"[γΓ][κΚ] > ng;";
constexpr char16_t kLatinTail[] =
    u"::Any-Latin;"
    u"[čćČĆ] > ch; [šśŠŚ] > sh; [žźżŽŹŻ] > zh;"
    u"::Latin-ASCII;";

bool is_ideograph(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return u_isalpha(c) && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) && uscript_getScript(c, &status) == USCRIPT_HAN;
}

// The ideographs Han-Latin may read by their neighbours, sorted: those on the left side of
// a rule that is more than one ideograph or one set of them, up to the end of its context
// braces ("{重}' '?庆": 重). `known` is false when the rules could not be read or hold what
// this does not follow (variables, ranges or properties beside a context), and then no
// ideograph is read alone.
struct Contextual {
  bool known = false;
  std::vector<UChar32> ideographs;
};

Contextual read_contextual() {
  Contextual out;
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Transliterator> han(
      icu::Transliterator::createInstance("Han-Latin", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !han) return out;
  icu::UnicodeString rules;
  han->toRules(rules, false);
  int32_t start = 0;
  while (start < rules.length()) {
    int32_t end = rules.indexOf(u'\n', start);
    if (end < 0) end = rules.length();
    const icu::UnicodeString line = rules.tempSubStringBetween(start, end);
    start = end + 1;
    if (line.startsWith(u"::")) continue;
    if (line.indexOf(u'$') >= 0) return out;
    int32_t arrow = line.indexOf(u'>');
    if (arrow < 0) continue;
    icu::UnicodeString left = line.tempSubString(0, arrow);
    left.trim();
    const bool one_letter = left.countChar32() == 1;
    const bool one_set = left.startsWith(u"[") && left.endsWith(u"]") && left.indexOf(u'[', 1) < 0 &&
                         left.indexOf(u'{') < 0 && left.indexOf(u'}') < 0 && left.indexOf(u'\'') < 0;
    if (one_letter || one_set) continue;
    // A set spelled by a range or a property names ideographs this would not see.
    if (left.indexOf(u'-') >= 0 || left.indexOf(u':') >= 0 || left.indexOf(u'\\') >= 0) return out;
    const int32_t close = left.indexOf(u'}');
    const int32_t key_end = close >= 0 ? close : left.length();
    for (int32_t i = 0; i < key_end;) {
      const UChar32 c = left.char32At(i);
      i += U16_LENGTH(c);
      UErrorCode script = U_ZERO_ERROR;
      if (uscript_getScript(c, &script) == USCRIPT_HAN) out.ideographs.push_back(c);
    }
  }
  std::sort(out.ideographs.begin(), out.ideographs.end());
  out.known = true;
  return out;
}

const Contextual& contextual() {
  static const Contextual c = read_contextual();
  return c;
}

icu::UnicodeString rules() {
  icu::UnicodeString all(kKhmerSyllables);
  return all.append(kLatinRules).append(kKhmerLetters).append(kMyanmarRules).append(kLatinTail);
}

struct Reader {
  std::unique_ptr<icu::Transliterator> latin;
  // Each ideograph's reading alone; none for those the rules read by their neighbours.
  IdeographReadings readings;
};

Reader& reader() {
  thread_local Reader r = [] {
    Reader made;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse{};
    made.latin.reset(icu::Transliterator::createFromRules("interdict-latin", rules(), UTRANS_FORWARD, parse, status));
    if (U_FAILURE(status)) made.latin.reset();
    for (const UChar32 c : contextual().ideographs)
      if (IdeographReadings::covers(static_cast<char32_t>(c))) made.readings.mark_unreadable(static_cast<char32_t>(c));
    return made;
  }();
  return r;
}

// The reading of `c` alone, "" when it has none the way round may use: not an ideograph,
// one the rules read by its neighbours, or one not read as letters alone. REQUIRES: r.latin.
std::string_view reading_of(Reader& r, UChar32 c) {
  const Contextual& ctx = contextual();
  if (!ctx.known || !IdeographReadings::covers(static_cast<char32_t>(c))) return {};
  return r.readings.reading_of(static_cast<char32_t>(c), [&](char32_t one, std::string& out) {
    if (!is_ideograph(static_cast<UChar32>(one))) return false;
    icu::UnicodeString read(static_cast<UChar32>(one));
    r.latin->transliterate(read);
    for (int32_t i = 0; i < read.length(); ++i)
      if (read.charAt(i) < u'a' || read.charAt(i) > u'z') return false;
    read.toUTF8String(out);
    return true;
  });
}

}  // namespace

bool latin_available() { return reader().latin != nullptr; }

void to_latin_icu(icu::UnicodeString& text) {
  Reader& r = reader();
  if (r.latin) r.latin->transliterate(text);
}

bool to_latin_fast(const icu::UnicodeString& text, icu::UnicodeString& out) {
  out.remove();
  Reader& r = reader();
  // What came before: Han-Latin puts a space between two ideographs and reads each alone,
  // but spaces an ideograph from a Latin letter by their order and not from a digit: ASCII
  // beside an ideograph goes to ICU.
  enum class Before { kSpace, kIdeograph, kAscii } before = Before::kSpace;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (c == u' ' || c == u'|') {
      out.append(c);
      before = Before::kSpace;
    } else if (c < 0x80) {
      if (before == Before::kIdeograph) return false;
      out.append(c);
      before = Before::kAscii;
    } else {
      if (before == Before::kAscii || !r.latin) return false;
      const std::string_view read = reading_of(r, c);
      if (read.empty()) return false;
      if (before == Before::kIdeograph) out.append(u' ');
      for (const char letter : read) out.append(static_cast<char16_t>(letter));
      before = Before::kIdeograph;
    }
  }
  return true;
}

void to_latin(icu::UnicodeString& text) {
  thread_local icu::UnicodeString fast;
  if (to_latin_fast(text, fast)) {
    text.swap(fast);
    return;
  }
  to_latin_icu(text);
}

}  // namespace interdict
