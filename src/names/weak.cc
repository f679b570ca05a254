// Weak tokens: legal forms, titles and fillers, which weigh little in a score and never
// make a match alone.
//
// Thread-safety: a constant list.
#include <algorithm>
#include <iterator>
#include <string_view>

#include "names/names.h"

namespace interdict {
namespace {

// Legal forms, titles and filler words, normalised (a short list: searched in order).
constexpr std::string_view kWeak[] = {
    "ag", "and", "bv", "co", "company", "corp", "corporation", "de", "gmbh", "group", "holding", "holdings", "inc",
    "incorporated", "jsc", "kg", "kk", "limited", "llc", "llp", "lp", "ltd", "nv", "oao", "of", "ooo", "pao", "pjsc",
    "plc", "pte", "pty", "sa", "sarl", "sas", "spa", "srl", "the", "zao", "ao", "tov", "ojsc", "cjsc", "intl", "gongsi",
    "gufen", "youxian", "zeren", "jituan", "konggu", "kabushiki", "kaisha",
    // Titles and honorifics, as folded: a payment says "Presidente Putin" or "Mr Putin",
    // the list says "PUTIN, Vladimir"; a rare title word would otherwise cost the match.
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "herr", "frau", "monsieur", "madame", "senor", "senora",
    "president", "presidente", "prasident", "presiden", "prezident", "predsjednik", "presedintele", "elnok", "gospodin",
    "gospozha", "sheikh", "shaikh",
    // Generations: MARIA III is Maria, and "Maria Ali" joined ("mariali") met it at 0.917.
    "jr", "jnr", "sr", "snr", "ii", "iii", "iv"};

}  // namespace

bool is_weak_token(std::string_view token) {
  return std::find(std::begin(kWeak), std::end(kWeak), token) != std::end(kWeak);
}

}  // namespace interdict
