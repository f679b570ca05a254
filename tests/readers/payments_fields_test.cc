// The field checks every payment reader shares: amounts, currency codes, times, countries
// from IBANs and BICs, and wallets named in text.
#include <gtest/gtest.h>

#include "readers/payments/fields.h"

namespace interdict::payments {
namespace {

TEST(PaymentFields, AmountIsExact) {
  std::int64_t units = 0;
  std::uint8_t scale = 0;
  EXPECT_EQ(parse_amount("0.01", units, scale), "");
  EXPECT_EQ(units, 1);
  EXPECT_EQ(scale, 2);
  EXPECT_EQ(parse_amount("999999999999999999", units, scale), "");
  EXPECT_EQ(units, 999999999999999999);
  EXPECT_EQ(parse_amount("1000000000000000000", units, scale), "more than 18 digits");
  EXPECT_EQ(parse_amount("-5", units, scale), "not a decimal");
  EXPECT_EQ(parse_amount(".5", units, scale), "not a decimal");
  EXPECT_EQ(parse_amount("1.2.3", units, scale), "not a decimal");
  EXPECT_EQ(parse_amount("", units, scale), "empty");
}

TEST(PaymentFields, TimesWithAndWithoutZone) {
  Instant t = 0;
  TimePrecision p = TimePrecision::kNone;
  ASSERT_TRUE(parse_payment_time("2020-09-20T23:59:00-04:00", t, p));
  EXPECT_EQ(t, 1600660740);
  EXPECT_EQ(p, TimePrecision::kZoned);
  ASSERT_TRUE(parse_payment_time("2020-09-21T03:59:00.123456", t, p));
  EXPECT_EQ(t, 1600660740);
  EXPECT_EQ(p, TimePrecision::kLocal);
  ASSERT_TRUE(parse_payment_time("2020-09-21 03:59", t, p));
  EXPECT_EQ(p, TimePrecision::kLocal);
  EXPECT_FALSE(parse_payment_time("2020-13-01", t, p));
  EXPECT_FALSE(parse_payment_time("2020-09-21T24:00:00", t, p));
  EXPECT_FALSE(parse_payment_time("2020-09-21T10:00:00+8", t, p));
  EXPECT_FALSE(parse_payment_time("2020-09-21T10:00:00Zjunk", t, p));
  EXPECT_FALSE(parse_payment_time("20200921", t, p));
}

TEST(PaymentFields, CountriesFromIbanAndBic) {
  EXPECT_EQ(iban_country("DE75512108001245126199"), "DE");
  EXPECT_EQ(iban_country("de75512108001245126199"), "");
  EXPECT_EQ(iban_country("000123456789"), "");
  EXPECT_EQ(bic_country("PRLDCNSZXXX"), "CN");
  EXPECT_EQ(bic_country("BAYFUS6S"), "US");
  EXPECT_EQ(bic_country("BAYFUS6"), "");
  EXPECT_EQ(bic_country("BAY1US6SXXX"), "");
  EXPECT_EQ(country_code("cn"), "CN");
  EXPECT_EQ(country_code("C1"), "");
  EXPECT_TRUE(is_currency_code("CNY"));
  EXPECT_FALSE(is_currency_code("CNYX"));
}

TEST(PaymentFields, WalletInTextIsReportedAsWritten) {
  EXPECT_EQ(wallet_in_text("Paid via WECHAT PAY QR"), "WECHAT PAY");
  EXPECT_EQ(wallet_in_text("财付通 settlement"), "财付通");
  EXPECT_EQ(wallet_in_text("支付宝转账"), "支付宝");
}

TEST(PaymentFields, WalletInTextFindsWalletsOutsideTheVocabulary) {
  EXPECT_EQ(wallet_in_text("settled through Zephyr Pay, ref 77"), "Zephyr Pay");
  EXPECT_EQ(wallet_in_text("top-up Lumen wallet"), "Lumen wallet");
}

TEST(PaymentFields, WalletInTextIgnoresTheAppNameAndVerbs) {
  // The app's name alone is not a payment channel.
  EXPECT_EQ(wallet_in_text("WeChat ads invoice"), "");
  EXPECT_EQ(wallet_in_text("invoice, ready to pay"), "");
  EXPECT_EQ(wallet_in_text("Payment for services"), "");
}

}  // namespace
}  // namespace interdict::payments
