// Country names to ISO 3166-1 alpha-2. ICU's English display names cover the ISO list; the
// aliases below are the spellings OFAC, the UN and the CSL use that ICU does not.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "readers/lists/lists.h"

namespace interdict {
namespace {

// Longer names are no country names; lookups build their key on the stack.
constexpr std::size_t kMaxKey = 96;

// Upper-case ASCII letters only, "&" read as "AND", so "Bosnia & Herzegovina" and
// "Bosnia and Herzegovina" meet. Non-ASCII letters (Côte, Türkiye) are kept as bytes.
// Returns the key's length in `key`, or 0 when it does not fit.
std::size_t country_key(std::string_view name, std::array<char, kMaxKey>& key) {
  std::size_t n = 0;
  const auto put = [&](char c) {
    if (n < key.size()) key[n] = c;
    ++n;
  };
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 'a' && u <= 'z') {
      put(static_cast<char>(u - 'a' + 'A'));
    } else if ((u >= 'A' && u <= 'Z') || u >= 0x80) {
      put(c);
    } else if (c == '&') {
      put('A'), put('N'), put('D');
    }
  }
  return n <= key.size() ? n : 0;
}

std::string country_key(std::string_view name) {
  std::array<char, kMaxKey> key;
  return std::string(key.data(), country_key(name, key));
}

// Lets the maps be probed with a string_view, so a lookup does not allocate.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using KeyMap = std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>>;

struct Alias {
  std::string_view name;
  std::string_view code;
};

constexpr Alias kAliases[] = {
    {"Russia", "RU"},
    {"Russian Federation", "RU"},
    {"Iran", "IR"},
    {"Iran (Islamic Republic of)", "IR"},
    {"Korea, North", "KP"},
    {"North Korea", "KP"},
    {"Democratic People's Republic of Korea", "KP"},
    {"Korea, South", "KR"},
    {"Republic of Korea", "KR"},
    {"Korea", "KR"},
    {"Syria", "SY"},
    {"Syrian Arab Republic", "SY"},
    {"Burma", "MM"},
    {"Myanmar", "MM"},
    {"Democratic Republic of the Congo", "CD"},
    {"Congo, Democratic Republic of the", "CD"},
    {"Congo (Democratic Republic)", "CD"},
    {"Congo", "CG"},
    {"Republic of the Congo", "CG"},
    {"Congo, Republic of the", "CG"},
    {"Cote d'Ivoire", "CI"},
    {"Ivory Coast", "CI"},
    {"Turkey", "TR"},
    {"Türkiye", "TR"},
    {"Viet Nam", "VN"},
    {"Vietnam", "VN"},
    {"Laos", "LA"},
    {"Lao People's Democratic Republic", "LA"},
    {"Bolivia", "BO"},
    {"Bolivia (Plurinational State of)", "BO"},
    {"Venezuela", "VE"},
    {"Venezuela (Bolivarian Republic of)", "VE"},
    {"Tanzania", "TZ"},
    {"United Republic of Tanzania", "TZ"},
    {"Moldova", "MD"},
    {"Republic of Moldova", "MD"},
    {"Palestinian", "PS"},
    {"State of Palestine", "PS"},
    {"West Bank", "PS"},
    {"Gaza", "PS"},
    {"Palestine", "PS"},
    {"Hong Kong", "HK"},
    {"Macau", "MO"},
    {"Macao", "MO"},
    {"China", "CN"},
    {"Taiwan", "TW"},
    {"United Kingdom", "GB"},
    {"United Kingdom of Great Britain and Northern Ireland", "GB"},
    {"UK", "GB"},
    {"United States", "US"},
    {"United States of America", "US"},
    {"USA", "US"},
    {"The Netherlands", "NL"},
    {"Netherlands", "NL"},
    {"Czech Republic", "CZ"},
    {"Czechia", "CZ"},
    {"Macedonia", "MK"},
    {"North Macedonia", "MK"},
    {"The former Yugoslav Republic of Macedonia", "MK"},
    {"Bosnia and Herzegovina", "BA"},
    {"Micronesia, Federated States of", "FM"},
    {"Micronesia (Federated States of)", "FM"},
    {"Gambia", "GM"},
    {"The Gambia", "GM"},
    {"Bahamas", "BS"},
    {"The Bahamas", "BS"},
    {"Eswatini", "SZ"},
    {"Swaziland", "SZ"},
    {"Cabo Verde", "CV"},
    {"Cape Verde", "CV"},
    {"Kosovo", "XK"},
    {"Brunei", "BN"},
    {"Brunei Darussalam", "BN"},
    {"Timor-Leste", "TL"},
    {"East Timor", "TL"},
    {"Saint Kitts and Nevis", "KN"},
    {"Saint Lucia", "LC"},
    {"Saint Vincent and the Grenadines", "VC"},
    {"Sao Tome and Principe", "ST"},
    {"Curacao", "CW"},
    {"Region: Crimea", "UA"},
    {"Crimea", "UA"},
    {"Region: Northern Mali", "ML"},
    {"Region: Kurdistan", "IQ"},
    {"Region: Gaza", "PS"},
    {"Region: West Bank", "PS"},
};

class CountryTable {
 public:
  CountryTable() {
    for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
      const std::string iso(*code);
      codes_[iso] = iso;
      icu::UnicodeString display;
      icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), display);
      std::string utf8;
      display.toUTF8String(utf8);
      by_name_.emplace(country_key(utf8), iso);
    }
    for (const Alias& alias : kAliases) by_name_[country_key(alias.name)] = std::string(alias.code);
  }

  [[nodiscard]] std::string_view find(std::string_view name) const {
    std::array<char, kMaxKey> buffer;
    const std::string_view key(buffer.data(), country_key(name, buffer));
    if (key.empty()) return {};
    if (name.size() == 2) {
      if (auto it = codes_.find(key); it != codes_.end()) return it->second;
      if (key == "XK") return "XK";
    }
    if (auto it = by_name_.find(key); it != by_name_.end()) return it->second;
    return {};
  }

 private:
  KeyMap codes_;
  KeyMap by_name_;
};

}  // namespace

std::string_view country_code(std::string_view name) {
  // Built once, on first use; C++ makes the initialisation thread-safe.
  static const CountryTable table;
  return table.find(name);
}

}  // namespace interdict
