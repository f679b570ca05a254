// Payments as CSV rows and JSON Lines: the bundled sample, column names and synonyms, the
// mapping option, nested JSON, and damaged rows and lines.
#include <gtest/gtest.h>

#include <string>

#include "payments_collector.h"

namespace interdict::testing {
namespace {

const std::string kSamples = std::string(INTERDICT_SOURCE_DIR) + "/samples/payments/";

TEST(PaymentsCsv, SampleReadsEveryRowWithChannels) {
  const PaymentCollector s = read_payments(PaymentFormat::kCsv, read_file_text(kSamples + "payments.csv"));
  ASSERT_TRUE(s.damages.empty()) << s.reasons();
  ASSERT_EQ(s.payments.size(), 5u);
  const PaymentCopy& p = s.payments[0];
  EXPECT_EQ(p.payment_id, "WLT-1001");
  EXPECT_EQ(p.channel, "WeChat Pay");  // the channel column, as written
  EXPECT_EQ(p.wallet_in_text, "");
  EXPECT_EQ(p.units, 12000);
  EXPECT_EQ(p.precision, TimePrecision::kZoned);
  EXPECT_EQ(p.time, 1600691400);  // 2020-09-21T12:30:00Z
  EXPECT_EQ(p.party(PartyRole::kCreditor)->name, "深圳市腾讯计算机系统有限公司");
  EXPECT_EQ(p.party(PartyRole::kCreditor)->bic, "PRLDCNSZXXX");
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(s.payments[1].channel, "card");
  EXPECT_EQ(s.payments[2].channel, "alipay");  // as written
  EXPECT_EQ(s.payments[3].party(PartyRole::kCreditor)->name, "Tencent Music (Europe) B.V.");
  EXPECT_EQ(s.payments[3].remittance, std::vector<std::string>{"Licensing fees, Q3"});
  EXPECT_EQ(s.payments[4].channel, "wire");
  EXPECT_EQ(s.payments[4].wallet_in_text, "WeChat Pay");  // "Paid via WeChat Pay QR"
  EXPECT_EQ(s.in_scope_us, (std::vector<bool>{true, true, false, false, true}));
}

TEST(PaymentsCsv, SynonymHeadersNameTheParties) {
  const PaymentCollector s = read_payments(PaymentFormat::kCsv,
                                           "Payer,Payer Country,Beneficiary Name,Beneficiary IBAN,Amount,CCY,Wallet\n"
                                           "Ann Lee,us,Tengxun Ltd,GB29NWBK60161331926819,10,USD,Weixin Pay\n");
  ASSERT_EQ(s.payments.size(), 1u) << s.reasons();
  const PaymentCopy& p = s.payments[0];
  EXPECT_EQ(p.party(PartyRole::kDebtor)->name, "Ann Lee");
  EXPECT_EQ(p.party(PartyRole::kDebtor)->country, "US");
  EXPECT_EQ(p.party(PartyRole::kCreditor)->country, "GB");
  EXPECT_EQ(p.party(PartyRole::kCreditor)->country_source, CountrySource::kIban);
  EXPECT_EQ(p.channel, "Weixin Pay");
}

TEST(PaymentsCsv, MappingNamesOtherHeaders) {
  const PaymentCollector m =
      read_payments(PaymentFormat::kCsv, "Ref,Bene,Wert,Cur,Auftraggeber\nR1,Tencent,5.00,EUR,Bob\n",
                    "payment_id=Ref,creditor_name=Bene,amount=Wert,currency=Cur,debtor_name=Auftraggeber");
  ASSERT_EQ(m.payments.size(), 1u) << m.reasons();
  EXPECT_EQ(m.payments[0].payment_id, "R1");
  EXPECT_EQ(m.payments[0].party(PartyRole::kCreditor)->name, "Tencent");
  EXPECT_EQ(m.payments[0].party(PartyRole::kDebtor)->name, "Bob");
  EXPECT_EQ(m.payments[0].amount_text, "5.00");
}

TEST(PaymentsCsv, UnknownMappingFieldIsFatal) {
  const PaymentCollector s = read_payments(PaymentFormat::kCsv, "amount,payer\n1,a\n", "beneficiary=Bene");
  EXPECT_TRUE(s.payments.empty());
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_TRUE(s.damages[0].fatal);
  EXPECT_NE(s.damages[0].reason.find("unknown field `beneficiary`"), std::string::npos) << s.damages[0].reason;
  EXPECT_NE(s.damages[0].reason.find("did you mean `creditor_name`"), std::string::npos) << s.damages[0].reason;
  EXPECT_FALSE(check_column_mapping("creditor_name=Bene,amount").has_value());
  EXPECT_TRUE(check_column_mapping("creditor_name=Bene, amount = Amt").has_value());
}

TEST(PaymentsCsv, WrongColumnCountSkipsTheRow) {
  const PaymentCollector s = read_payments(PaymentFormat::kCsv, "payer,payee,amount\na,b,1\na,b,2,extra\nc,d,3\n");
  ASSERT_EQ(s.payments.size(), 2u);
  EXPECT_EQ(s.payments[1].amount_text, "3");
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_EQ(s.damages[0].reason, "row has 4 fields, the header 3");
  EXPECT_EQ(s.damages[0].line, 3u);
  EXPECT_EQ(s.damages[0].offset, 25u);
  EXPECT_FALSE(s.damages[0].fatal);
}

TEST(PaymentsCsv, BadAmountCurrencyAndCountrySkipRows) {
  const PaymentCollector s = read_payments(PaymentFormat::kCsv,
                                           "payer,payee,amount,currency,payee_country\n"
                                           "a,b,\"1,000.00\",USD,CN\n"
                                           "a,b,1.,USD,CN\n"
                                           "a,b,1,US$,CN\n"
                                           "a,b,1,USD,China\n"
                                           "a,b,1,USD,CN\n");
  ASSERT_EQ(s.payments.size(), 1u);
  ASSERT_EQ(s.damages.size(), 4u);
  EXPECT_EQ(s.damages[0].reason, "amount `1,000.00`: not a decimal");
  EXPECT_EQ(s.damages[1].reason, "amount `1.`: not a decimal");
  EXPECT_EQ(s.damages[2].reason, "currency `US$` is not three uppercase letters");
  EXPECT_EQ(s.damages[3].reason, "country `China` is not an iso 3166 alpha-2 code");
  EXPECT_EQ(s.damages[3].line, 5u);
}

TEST(PaymentsCsv, QuotedFieldAcrossLinesKeepsLineNumbers) {
  const PaymentCollector s =
      read_payments(PaymentFormat::kCsv, "payer,payee,amount,memo\na,b,1,\"two\nlines\"\nc,d,2,x\n");
  ASSERT_EQ(s.payments.size(), 2u) << s.reasons();
  EXPECT_EQ(s.payments[0].remittance, std::vector<std::string>{"two\nlines"});
  EXPECT_EQ(s.payments[1].line, 4u);
}

TEST(PaymentsCsv, UnclosedQuoteAtTheEndIsDamage) {
  const PaymentCollector s = read_payments(PaymentFormat::kCsv, "payer,payee,amount\na,b,1\nc,\"d,2\n");
  EXPECT_EQ(s.payments.size(), 1u);
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_EQ(s.damages[0].reason, "quoted field not closed");
  EXPECT_EQ(s.damages[0].line, 3u);
}

TEST(PaymentsCsv, HeaderWithoutAmountIsFatal) {
  const PaymentCollector s = read_payments(PaymentFormat::kCsv, "payer,payee,note\na,b,c\n");
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_TRUE(s.damages[0].fatal);
  EXPECT_EQ(s.damages[0].reason, "header names no amount column");
}

TEST(PaymentsCsv, RowWithoutAnyPartyNameIsSkipped) {
  const PaymentCollector s = read_payments(PaymentFormat::kCsv, "payer,payee,amount\n,,1\n");
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_EQ(s.damages[0].reason, "missing debtor and creditor name");
}

TEST(PaymentsCsv, TabsBomAndCrlf) {
  const PaymentCollector s =
      read_payments(PaymentFormat::kCsv, "\xEF\xBB\xBFsender\treceiver\tamount\r\nA, Inc\tB\t2.50\r\n\r\n");
  ASSERT_EQ(s.payments.size(), 1u) << s.reasons();
  EXPECT_EQ(s.payments[0].party(PartyRole::kDebtor)->name, "A, Inc");
  EXPECT_EQ(s.payments[0].amount_text, "2.50");
}

TEST(PaymentsJsonl, FlatKeys) {
  const PaymentCollector s = read_payments(
      PaymentFormat::kJsonLines,
      R"({"payment_id":"J1","time":"2020-09-21T10:00:00Z","amount":"99.10","currency":"USD","channel":"wechat_pay","debtor_name":"Ann","debtor_country":"US","creditor_name":"腾讯"})"
      "\n");
  ASSERT_EQ(s.payments.size(), 1u) << s.reasons();
  const PaymentCopy& p = s.payments[0];
  EXPECT_EQ(p.payment_id, "J1");
  EXPECT_EQ(p.channel, "wechat_pay");
  EXPECT_EQ(p.units, 9910);
  EXPECT_EQ(p.party(PartyRole::kCreditor)->name, "腾讯");
  EXPECT_TRUE(s.in_scope_us[0]);
}

TEST(PaymentsJsonl, NestedPartiesAgentsAndAmountObject) {
  const PaymentCollector s = read_payments(
      PaymentFormat::kJsonLines,
      R"({"id":"J2","amount":{"value":12.50,"currency":"CNY"},"payer":{"name":"Bo","address":{"lines":["1 Main St"],"country":"CA"},)"
      R"("agent":{"bic":"RBCACATTXXX"}},"payee":{"name":"Tenpay","iban":"GB29NWBK60161331926819"},"remittance":["a","b"],"extra":{"x":[1,2]}})");
  ASSERT_EQ(s.payments.size(), 1u) << s.reasons();
  const PaymentCopy& p = s.payments[0];
  EXPECT_EQ(p.amount_text, "12.50");
  EXPECT_EQ(p.units, 1250);
  EXPECT_EQ(p.currency, "CNY");
  EXPECT_EQ(p.party(PartyRole::kDebtor)->country, "CA");
  EXPECT_EQ(p.party(PartyRole::kDebtor)->address, std::vector<std::string>{"1 Main St"});
  EXPECT_EQ(p.party(PartyRole::kDebtorAgent)->country, "CA");
  EXPECT_EQ(p.party(PartyRole::kCreditor)->country, "GB");
  EXPECT_EQ(p.remittance, (std::vector<std::string>{"a", "b"}));
}

TEST(PaymentsJsonl, BadLinesAreSkippedAndLocated) {
  const PaymentCollector s = read_payments(PaymentFormat::kJsonLines,
                                           "[1,2]\n"
                                           "{\"amount\": \"1\", \"payer\": \"A\"\n"
                                           "{\"amount\": \"1\", \"payer\": \"A\"} tail\n"
                                           "\n"
                                           "{\"amount\": 1e3, \"payer\": \"A\"}\n"
                                           "{\"amount\": \"7\", \"payer\": \"B\"}\n");
  ASSERT_EQ(s.payments.size(), 1u) << s.reasons();
  EXPECT_EQ(s.payments[0].line, 6u);
  ASSERT_EQ(s.damages.size(), 4u) << s.reasons();
  EXPECT_EQ(s.damages[0].line, 1u);
  EXPECT_EQ(s.damages[0].reason, "json: line is not an object, or a value of the wrong type");
  EXPECT_EQ(s.damages[1].line, 2u);
  EXPECT_EQ(s.damages[1].reason, "json: object not closed, or text after it");
  EXPECT_EQ(s.damages[2].reason, "json: object not closed, or text after it");
  EXPECT_EQ(s.damages[3].reason, "amount `1e3`: not a decimal");
  EXPECT_EQ(s.damages[3].line, 5u);
  EXPECT_EQ(s.fatal_count(), 0u);
}

TEST(PaymentsSniff, EachFormatByContent) {
  const auto sniff = [](std::string_view name, std::string_view text) {
    return sniff_payment_format(name, as_bytes(text));
  };
  EXPECT_EQ(sniff("x", read_file_text(kSamples + "pain001_harbor_lane.xml")), PaymentFormat::kPain001);
  EXPECT_EQ(sniff("x", read_file_text(kSamples + "pacs008_bayfront.xml")), PaymentFormat::kPacs008);
  EXPECT_EQ(sniff("x", read_file_text(kSamples + "payments.csv")), PaymentFormat::kCsv);
  EXPECT_EQ(sniff("x", "{\"payer\": {\"name\": \"a\"}, \"amount\": 1}\n"), PaymentFormat::kJsonLines);
  EXPECT_EQ(sniff("x", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"/>"), PaymentFormat::kUnknown);
  EXPECT_EQ(sniff("x", "host,ip,time\nexample.com,1.2.3.4,1\n"), PaymentFormat::kUnknown);
  EXPECT_EQ(sniff("x", "{\"domain\": \"tiktok.com\"}\n"), PaymentFormat::kUnknown);
  EXPECT_EQ(sniff("x", ""), PaymentFormat::kUnknown);
}

TEST(PaymentsSniff, FileNameBreaksAHalfTie) {
  const std::string text = "amount,reference\n1,x\n";
  EXPECT_EQ(sniff_payment_format("pay.csv", as_bytes(text)), PaymentFormat::kCsv);
  EXPECT_EQ(sniff_payment_format("pay.txt", as_bytes(text)), PaymentFormat::kUnknown);
}

TEST(PaymentsDispatch, UnknownFormatIsOneFatalDamage) {
  const PaymentCollector s = read_payments(PaymentFormat::kUnknown, "whatever");
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_TRUE(s.damages[0].fatal);
  EXPECT_EQ(s.damages[0].reason, "unknown payment format");
}

}  // namespace
}  // namespace interdict::testing
