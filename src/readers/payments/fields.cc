#include "readers/payments/fields.h"

#include <algorithm>
#include <array>
#include <utility>

namespace interdict::payments {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_upper(c) || (c >= 'a' && c <= 'z'); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Reads `width` digits at `pos` into `out`; false if any is not a digit.
bool read_digits(std::string_view text, std::size_t pos, std::size_t width, int& out) {
  if (pos + width > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (!is_digit(text[i])) return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

// Phrases people write for a wallet inside free text, lowercase; matched ASCII-case-blind.
// This is vocabulary, not law: the reader reports the phrase as written and the scan asks
// the orders what it names. Bare "wechat" is left out: "WeChat ads invoice" names the app,
// not the payment channel.
constexpr std::array<std::string_view, 10> kWalletPhrases{
    "wechat pay", "wechatpay", "weixin pay", "微信支付", "alipay", "支付宝", "qq wallet", "qq钱包", "tenpay", "财付通",
};

// Words before "pay" or "wallet" that make a verb or a filler, not a wallet's name
// ("ready to pay", "and wallet").
constexpr std::array<std::string_view, 12> kNotWalletWords{
    "to", "and", "or", "will", "please", "must", "not", "for", "of", "the", "can", "a",
};

// Where `phrase` (lowercase) starts in `text`, ASCII case folded, or npos.
std::size_t find_folded(std::string_view text, std::string_view phrase) {
  if (phrase.size() > text.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + phrase.size() <= text.size(); ++i) {
    std::size_t j = 0;
    while (j < phrase.size() && lower(text[i + j]) == phrase[j]) ++j;
    if (j == phrase.size()) return i;
  }
  return std::string_view::npos;
}

bool equals_folded(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (lower(text[i]) != lower_word[i]) return false;
  }
  return true;
}

// "<Word> Pay" or "<Word> Wallet" in Latin text, as written ("Zephyr Pay", "Lumen Wallet"):
// how wallets not in the vocabulary are usually named.
std::string_view generic_wallet(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && !is_alnum(text[pos])) ++pos;
    const std::size_t word = pos;
    while (pos < text.size() && is_alnum(text[pos])) ++pos;
    const std::string_view first = text.substr(word, pos - word);
    std::size_t next = pos;
    if (next >= text.size() || text[next] != ' ') continue;
    while (next < text.size() && text[next] == ' ') ++next;
    std::size_t end = next;
    while (end < text.size() && is_alnum(text[end])) ++end;
    const std::string_view second = text.substr(next, end - next);
    if (!equals_folded(second, "pay") && !equals_folded(second, "wallet")) continue;
    const bool filler = std::any_of(kNotWalletWords.begin(), kNotWalletWords.end(),
                                    [first](std::string_view w) { return equals_folded(first, w); });
    if (!first.empty() && !filler) return text.substr(word, end - word);
  }
  return {};
}

}  // namespace

std::string_view trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  const std::size_t begin = text.find_first_not_of(kBlank);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(kBlank) - begin + 1);
}

std::string_view parse_amount(std::string_view text, std::int64_t& units, std::uint8_t& scale) {
  if (text.empty()) return "empty";
  std::int64_t value = 0;
  int digits = 0;
  int fraction = -1;  // digits after the point, -1 before it
  for (const char c : text) {
    if (c == '.') {
      if (fraction >= 0 || digits == 0) return "not a decimal";
      fraction = 0;
      continue;
    }
    if (!is_digit(c)) return "not a decimal";
    if (++digits > 18) return "more than 18 digits";
    value = value * 10 + (c - '0');
    if (fraction >= 0) ++fraction;
  }
  if (fraction == 0) return "not a decimal";
  units = value;
  scale = static_cast<std::uint8_t>(std::max(fraction, 0));
  return {};
}

bool is_currency_code(std::string_view text) {
  return text.size() == 3 && is_upper(text[0]) && is_upper(text[1]) && is_upper(text[2]);
}

bool parse_payment_time(std::string_view text, Instant& out, TimePrecision& precision) {
  int year = 0, month = 0, day = 0;
  if (!read_digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !read_digits(text, 5, 2, month) ||
      text[7] != '-' || !read_digits(text, 8, 2, day) || month < 1 || month > 12 || day < 1 || day > 31) {
    return false;
  }
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (text.size() == 10) {
    out = days * 86400;
    precision = TimePrecision::kDate;
    return true;
  }
  int hour = 0, minute = 0, second = 0;
  if ((text[10] != 'T' && text[10] != ' ') || !read_digits(text, 11, 2, hour) || text.size() < 16 || text[13] != ':' ||
      !read_digits(text, 14, 2, minute) || hour > 23 || minute > 59) {
    return false;
  }
  std::size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!read_digits(text, pos + 1, 2, second) || second > 60) return false;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      const std::size_t start = ++pos;
      while (pos < text.size() && is_digit(text[pos])) ++pos;
      if (pos == start) return false;
    }
  }
  std::int64_t offset = 0;
  precision = TimePrecision::kLocal;
  if (pos < text.size()) {
    int zone_hour = 0, zone_minute = 0;
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
      precision = TimePrecision::kZoned;
    } else if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 && text[pos + 3] == ':' &&
               read_digits(text, pos + 1, 2, zone_hour) && read_digits(text, pos + 4, 2, zone_minute) &&
               zone_hour <= 14 && zone_minute <= 59) {
      offset = (zone_hour * 3600 + zone_minute * 60) * (text[pos] == '-' ? -1 : 1);
      precision = TimePrecision::kZoned;
    } else {
      return false;
    }
  }
  out = days * 86400 + hour * 3600 + minute * 60 + second - offset;
  return true;
}

std::string_view iban_country(std::string_view iban) {
  if (iban.size() < 5 || iban.size() > 34 || !is_upper(iban[0]) || !is_upper(iban[1]) || !is_digit(iban[2]) ||
      !is_digit(iban[3])) {
    return {};
  }
  if (!std::all_of(iban.begin() + 4, iban.end(), is_alnum)) return {};
  return iban.substr(0, 2);
}

std::string_view bic_country(std::string_view bic) {
  if (bic.size() != 8 && bic.size() != 11) return {};
  if (!std::all_of(bic.begin(), bic.end(), is_alnum)) return {};
  if (!std::all_of(bic.begin(), bic.begin() + 6, is_upper)) return {};
  return bic.substr(4, 2);
}

std::string_view country_code(std::string_view text) {
  // Every pair of uppercase letters, so a lowercase "us" can be answered with a view.
  static constexpr auto kPairs = [] {
    std::array<char, 26 * 26 * 2> pairs{};
    for (int i = 0; i < 26 * 26; ++i) {
      pairs[2 * i] = static_cast<char>('A' + i / 26);
      pairs[2 * i + 1] = static_cast<char>('A' + i % 26);
    }
    return pairs;
  }();
  if (text.size() != 2 || !is_alpha(text[0]) || !is_alpha(text[1])) return {};
  if (is_upper(text[0]) && is_upper(text[1])) return text;
  const int index = (lower(text[0]) - 'a') * 26 + (lower(text[1]) - 'a');
  return {kPairs.data() + 2 * index, 2};
}

std::string_view wallet_in_text(std::string_view text) {
  for (const std::string_view phrase : kWalletPhrases) {
    if (const std::size_t at = find_folded(text, phrase); at != std::string_view::npos) {
      return text.substr(at, phrase.size());
    }
  }
  return generic_wallet(text);
}

std::uint64_t LineIndex::line_at(std::uint64_t offset) {
  offset = std::min<std::uint64_t>(offset, text_.size());
  while (pos_ < offset) {
    if (text_[pos_++] == '\n') ++line_;
  }
  while (pos_ > offset) {
    if (text_[--pos_] == '\n') --line_;
  }
  return line_;
}

}  // namespace interdict::payments
