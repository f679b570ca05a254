// ISO 20022 pain.001 and pacs.008, damaged: broken XML, missing and malformed elements,
// hostile shapes.
#include <gtest/gtest.h>

#include <string>

#include "payments_collector.h"
#include "payments_iso_builder.h"

namespace interdict::testing {
namespace {

TEST(PaymentsIso, TruncatedFileKeepsCompleteTransactionsThenFatal) {
  const std::string text = read_file_text(kSamples + "pain001_harbor_lane.xml");
  const std::size_t cut = text.find("HLT-E2E-0003");
  const PaymentCollector s = read_payments(PaymentFormat::kPain001, text.substr(0, cut));
  ASSERT_EQ(s.payments.size(), 2u);
  EXPECT_EQ(s.payments[1].payment_id, "HLT-E2E-0002");
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_TRUE(s.damages[0].fatal);
  EXPECT_TRUE(s.damages[0].reason.starts_with("xml not well-formed")) << s.damages[0].reason;
  EXPECT_EQ(s.damages[0].line, line_of(text, "HLT-E2E-0003"));
}

TEST(PaymentsIso, MismatchedTagReportsItsLineAndOffset) {
  std::string text = pacs008(8);
  const std::size_t at = text.find("</FIToFICstmrCdtTrf>");
  text.insert(at, "\n\n</Wrong>");
  const PaymentCollector s = read_payments(PaymentFormat::kPacs008, text);
  EXPECT_EQ(s.payments.size(), 1u);
  ASSERT_EQ(s.fatal_count(), 1u);
  EXPECT_EQ(s.damages.back().line, line_of(text, "</Wrong>"));
  EXPECT_EQ(s.damages.back().offset, text.find("</Wrong>") + 2);  // pugixml points at the name
  EXPECT_NE(s.damages.back().reason.find("mismatch"), std::string::npos) << s.damages.back().reason;
}

TEST(PaymentsIso, MissingEndToEndIdSkipsOnlyThatTransaction) {
  std::string text = pacs008(8);
  const std::string second =
      "<CdtTrfTxInf><IntrBkSttlmAmt Ccy=\"USD\">5</IntrBkSttlmAmt>"
      "<Dbtr><Nm>A</Nm></Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>\n";
  text.insert(text.find("</FIToFICstmrCdtTrf>"), second);
  const PaymentCollector s = read_payments(PaymentFormat::kPacs008, text);
  EXPECT_EQ(s.payments.size(), 1u);
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_EQ(s.damages[0].reason, "missing PmtId/EndToEndId");
  EXPECT_FALSE(s.damages[0].fatal);
  EXPECT_EQ(s.damages[0].line, 3u);
}

TEST(PaymentsIso, AmountWithCommaIsSkipped) {
  const PaymentCollector s =
      read_payments(PaymentFormat::kPain001, pain001(9, "", R"(<InstdAmt Ccy="USD">12,50</InstdAmt>)"));
  EXPECT_TRUE(s.payments.empty());
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_EQ(s.damages[0].reason, "amount `12,50`: not a decimal");
  EXPECT_EQ(s.damages[0].line, 9u);  // the line of <CdtTrfTxInf>
}

TEST(PaymentsIso, LowercaseCurrencyIsSkipped) {
  const PaymentCollector s =
      read_payments(PaymentFormat::kPain001, pain001(9, "", R"(<InstdAmt Ccy="usd">1</InstdAmt>)"));
  EXPECT_TRUE(s.payments.empty());
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_EQ(s.damages[0].reason, "currency `usd` is not three uppercase letters");
}

TEST(PaymentsIso, MissingCurrencyAttributeIsSkipped) {
  const PaymentCollector s = read_payments(PaymentFormat::kPain001, pain001(9, "", "<InstdAmt>1</InstdAmt>"));
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_EQ(s.damages[0].reason, "missing currency");
}

TEST(PaymentsIso, MissingCreditorIsSkipped) {
  std::string text = pain001(9);
  text.erase(text.find("<Cdtr>"), std::string("<Cdtr><Nm>Tencent</Nm></Cdtr>").size());
  const PaymentCollector s = read_payments(PaymentFormat::kPain001, text);
  EXPECT_TRUE(s.payments.empty());
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_EQ(s.damages[0].reason, "missing Cdtr");
}

TEST(PaymentsIso, BadExecutionDateIsSkipped) {
  std::string text = pain001(9);
  text.replace(text.find("2020-09-21"), 10, "21.09.2020");
  const PaymentCollector s = read_payments(PaymentFormat::kPain001, text);
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_EQ(s.damages[0].reason, "time `21.09.2020` is not an iso 8601 date or date-time");
}

TEST(PaymentsIso, LocalCreationTimeIsMarkedLocal) {
  std::string text = pacs008(8);
  text.erase(text.find("<IntrBkSttlmDt>"), std::string("<IntrBkSttlmDt>2020-09-22</IntrBkSttlmDt>").size());
  text.replace(text.find("+08:00"), 6, "");
  const PaymentCollector s = read_payments(PaymentFormat::kPacs008, text);
  ASSERT_EQ(s.payments.size(), 1u) << s.reasons();
  EXPECT_EQ(s.payments[0].time_text, "2020-09-21T10:00:00");
  EXPECT_EQ(s.payments[0].precision, TimePrecision::kLocal);
}

TEST(PaymentsIso, CamtStatementIsNotAPaymentMessage) {
  const PaymentCollector s =
      read_payments(PaymentFormat::kPain001,
                    "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt/></Document>");
  EXPECT_TRUE(s.payments.empty());
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_TRUE(s.damages[0].fatal);
  EXPECT_TRUE(s.damages[0].reason.starts_with("no pain.001 or pacs.008 message element"));
}

TEST(PaymentsIso, HundredIntermediaryAgentsAreCapped) {
  std::string agents;
  for (int i = 0; i < 100; ++i) agents += "<IntrmyAgt1><FinInstnId><BICFI>AAAAUS33</BICFI></FinInstnId></IntrmyAgt1>";
  const PaymentCollector s = read_payments(PaymentFormat::kPain001, pain001(9, agents));
  ASSERT_EQ(s.payments.size(), 1u) << s.reasons();
  EXPECT_EQ(s.payments[0].parties.size(), PaymentRecord::kMaxParties);
}

TEST(PaymentsIso, DeepNestingIsNotACrash) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "<a>";
  const PaymentCollector s = read_payments(PaymentFormat::kPain001, text);
  EXPECT_TRUE(s.payments.empty());
  ASSERT_EQ(s.fatal_count(), 1u);
}

TEST(PaymentsIso, EmptyInputIsOneFatalDamage) {
  const PaymentCollector s = read_payments(PaymentFormat::kPacs008, "");
  ASSERT_EQ(s.damages.size(), 1u);
  EXPECT_TRUE(s.damages[0].fatal);
}

}  // namespace
}  // namespace interdict::testing
