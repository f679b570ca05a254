// NameReader (name_read.h): a name's tokens by the ASCII, Han or Latin path, or by ICU.

#include "match/name_read.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "match/match.h"

namespace interdict::name_detail {
namespace {

// Names read by ICU whose tokens a thread keeps (see tokens()): about 0.5 MB at most.
constexpr std::size_t kMaxMemoNames = 4096;

}  // namespace

NameReader::NameReader() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_ = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) nfkc_ = nullptr;
  status = U_ZERO_ERROR;
  transliterator_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) transliterator_.reset();
}

void NameReader::tokens(std::string_view name, Tokens& out) const {
  out.clear();
  // Plain ASCII needs neither NFKC nor transliteration (both leave it as it is, but for
  // case, which the split folds): split and fold it directly, without ICU.
  const std::size_t stop = fold_ascii_prefix(name, out);
  if (stop == name.size()) {
    out.end_token();
    drop_legal_forms(out);
    return;
  }
  // The first other character tells which path alone can read the name, which goes on from
  // there: a Han name holds only ideographs of U+3400-9FFF (lead bytes E3-E9) beside ASCII,
  // and a Latin one only letters of U+0080-024F (C2-C9) and U+1E00-1EFF (E1).
  const auto lead = static_cast<unsigned char>(name[stop]);
  const bool read = lead >= 0xe3 && lead <= 0xe9
                        ? append_han_tokens(name, stop, out, &NameReader::read_ideograph, this)
                        : ((lead >= 0xc2 && lead <= 0xc9) || lead == 0xe1) &&
                              append_latin_tokens(name, stop, out, &NameReader::read_character, this);
  if (read) {
    drop_legal_forms(out);
    return;
  }
  // ICU reads the rest. Its rules are tried one by one (about 0.1 ms a Han name), and a
  // payment file names the same counterparties again and again: each thread keeps the
  // tokens of the names it read, emptied when full. Every NameReader reads alike (the
  // same ICU rules and legal forms), so the memo serves them all.
  thread_local StringMap<Tokens> memo;
  if (const auto known = memo.find(name); known != memo.end()) {
    out.text = known->second.text;
    out.ends = known->second.ends;
    out.ideographs.clear();  // ICU's reading: no token is one ideograph's
    return;
  }
  out.clear();
  unicode_tokens(name, out);
  drop_legal_forms(out);
  if (memo.size() >= kMaxMemoNames) memo.clear();
  memo.emplace(std::string(name), out);
}

namespace {

icu::UnicodeString read_by_icu(std::string_view name, const icu::Normalizer2* nfkc, const icu::Transliterator* rules,
                               std::mutex& rules_mu) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (nfkc != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalised = nfkc->normalize(text, status);
    if (U_SUCCESS(status)) text = std::move(normalised);
  }
  if (rules != nullptr) {
    const std::lock_guard lock(rules_mu);
    rules->transliterate(text);
  }
  return text;
}

}  // namespace

std::string NameReader::icu_reading(std::string_view text) const {
  std::string out;
  read_by_icu(text, nfkc_, transliterator_.get(), transliterator_mu_).toUTF8String(out);
  return out;
}

void NameReader::unicode_tokens(std::string_view name, Tokens& out) const {
  const icu::UnicodeString text = read_by_icu(name, nfkc_, transliterator_.get(), transliterator_mu_);
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.text.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        out.text.push_back(static_cast<char>(c - 'A' + 'a'));
      } else {
        out.end_token();
      }
    } else if (u_isalnum(c)) {
      // A letter of a script the transliterator left alone (or all of them, without it).
      icu::UnicodeString(u_tolower(c)).toUTF8String(out.text);
    } else {
      out.end_token();
    }
  }
  out.end_token();
}

bool NameReader::read_ideograph(const void* context, char32_t c, std::string& reading) {
  const char utf8[3] = {static_cast<char>(0xe0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3f)),
                        static_cast<char>(0x80 | (c & 0x3f))};
  Tokens tokens;
  static_cast<const NameReader*>(context)->unicode_tokens(std::string_view(utf8, sizeof utf8), tokens);
  if (tokens.size() != 1) return false;
  reading = tokens.text;
  return true;
}

bool NameReader::read_character(const void* context, char32_t c, std::string& reading) {
  std::string utf8;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(utf8);
  reading = static_cast<const NameReader*>(context)->icu_reading(utf8);
  return true;
}

}  // namespace interdict::name_detail
