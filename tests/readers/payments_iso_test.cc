// ISO 20022 pain.001 and pacs.008: the bundled samples (checked against xmllint's own
// reading of them), every schema version, envelopes and prefixes.
#include <gtest/gtest.h>

#include <string>

#include "payments_collector.h"
#include "payments_iso_builder.h"

namespace interdict::testing {
namespace {

TEST(PaymentsIso, SamplePain001ReadsEveryTransactionWithItsPmtInfDebtor) {
  const std::string text = read_file_text(kSamples + "pain001_harbor_lane.xml");
  const PaymentCollector s = read_payments(PaymentFormat::kPain001, text);
  ASSERT_TRUE(s.damages.empty()) << s.reasons();
  ASSERT_EQ(s.payments.size(), 4u);
  const PaymentCopy& p = s.payments[0];
  EXPECT_EQ(p.message_type, "pain.001.001.09");
  EXPECT_EQ(p.message_id, "HLT-20200921-0001");
  EXPECT_EQ(p.payment_id, "HLT-E2E-0001");
  EXPECT_EQ(p.instruction_id, "HLT-I-0001");
  EXPECT_EQ(p.amount_text, "12500.00");
  EXPECT_EQ(p.units, 1250000);
  EXPECT_EQ(p.scale, 2);
  EXPECT_EQ(p.currency, "USD");
  EXPECT_EQ(p.time_text, "2020-09-21");
  EXPECT_EQ(p.precision, TimePrecision::kDate);
  EXPECT_EQ(p.time, 1600646400);
  EXPECT_EQ(p.channel, "");
  EXPECT_EQ(p.wallet_in_text, "WeChat Pay");  // "WeChat Pay merchant settlement, ..."
  EXPECT_EQ(p.path, "/Document/CstmrCdtTrfInitn/PmtInf[1]/CdtTrfTxInf[1]");
  EXPECT_EQ(p.line, line_of(text, "<CdtTrfTxInf>"));
  EXPECT_EQ(text.substr(p.offset, 13), "<CdtTrfTxInf>");
  const PartyCopy* debtor = p.party(PartyRole::kDebtor);
  ASSERT_NE(debtor, nullptr);
  EXPECT_EQ(debtor->name, "Harbor Lane Trading LLC");
  EXPECT_EQ(debtor->country, "US");
  EXPECT_EQ(debtor->country_source, CountrySource::kAddress);
  EXPECT_EQ(debtor->lei, "5299000EXAMPLE00HL42");
  EXPECT_EQ(debtor->account, "000123456789");
  EXPECT_FALSE(debtor->iban);
  EXPECT_EQ(debtor->address, (std::vector<std::string>{"Pier Street", "40", "94111", "San Francisco", "CA"}));
  const PartyCopy* creditor = p.party(PartyRole::kCreditor);
  ASSERT_NE(creditor, nullptr);
  EXPECT_EQ(creditor->name, "腾讯科技（深圳）有限公司");
  EXPECT_EQ(creditor->country, "CN");
  EXPECT_EQ(creditor->address.size(), 2u);
  const PartyCopy* agent = p.party(PartyRole::kCreditorAgent);
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(agent->bic, "PRLDCNSZXXX");
  EXPECT_EQ(agent->country, "CN");
  EXPECT_EQ(agent->country_source, CountrySource::kBic);
  ASSERT_NE(p.party(PartyRole::kInitiatingParty), nullptr);
  EXPECT_EQ(s.in_scope_us, (std::vector<bool>{true, true, true, true}));
}

TEST(PaymentsIso, SamplePain001CountriesFromIbanAndUltimateCreditor) {
  const PaymentCollector s =
      read_payments(PaymentFormat::kPain001, read_file_text(kSamples + "pain001_harbor_lane.xml"));
  ASSERT_EQ(s.payments.size(), 4u);
  const PaymentCopy& third = s.payments[2];
  EXPECT_EQ(third.party(PartyRole::kCreditor)->country, "");
  EXPECT_EQ(third.party(PartyRole::kUltimateCreditor)->name, "Kowloon Bright Games Studio Limited");
  EXPECT_EQ(third.party(PartyRole::kUltimateCreditor)->country, "HK");
  EXPECT_EQ(third.purpose, "GDDS");
  EXPECT_EQ(third.channel, "");
  const PaymentCopy& fourth = s.payments[3];
  EXPECT_EQ(fourth.path, "/Document/CstmrCdtTrfInitn/PmtInf[2]/CdtTrfTxInf[1]");
  EXPECT_EQ(fourth.time_text, "2020-09-22");
  EXPECT_EQ(fourth.party(PartyRole::kDebtor)->country, "US");  // the address beats the DE IBAN
  EXPECT_TRUE(fourth.party(PartyRole::kDebtor)->iban);
  EXPECT_EQ(fourth.party(PartyRole::kCreditor)->country, "FR");
  EXPECT_EQ(fourth.party(PartyRole::kCreditor)->country_source, CountrySource::kIban);
}

TEST(PaymentsIso, SamplePacs008ReadsAgentsUetrAndHanNames) {
  const PaymentCollector s = read_payments(PaymentFormat::kPacs008, read_file_text(kSamples + "pacs008_bayfront.xml"));
  ASSERT_TRUE(s.damages.empty()) << s.reasons();
  ASSERT_EQ(s.payments.size(), 3u);
  const PaymentCopy& p = s.payments[0];
  EXPECT_EQ(p.message_type, "pacs.008.001.08");
  EXPECT_EQ(p.payment_id, "OAK-INV-3391");
  EXPECT_EQ(p.uetr, "4f7c2a1e-8d3b-4e55-9a61-2c0b7d9e1f30");
  EXPECT_EQ(p.time_text, "2020-09-23");
  EXPECT_EQ(p.party(PartyRole::kInstructingAgent)->bic, "BAYFUS6SXXX");
  EXPECT_EQ(p.party(PartyRole::kInstructedAgent)->country, "HK");
  EXPECT_EQ(p.party(PartyRole::kCreditor)->name, "財付通支付科技有限公司");
  EXPECT_EQ(p.party(PartyRole::kUltimateCreditor)->name, "騰訊控股有限公司");
  EXPECT_EQ(p.wallet_in_text, "微信支付");  // in the remittance text, as written
  EXPECT_EQ(s.payments[1].payment_id, "NONREF");
  EXPECT_EQ(s.payments[2].currency, "SGD");
  EXPECT_EQ(s.payments[2].path, "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[3]");
}

// xmllint is an independent reader of the same files: the ids and creditor names it finds
// must be the ones we report, in order.
TEST(PaymentsIso, SamplesAgreeWithXmllint) {
  for (const std::string name : {"pain001_harbor_lane.xml", "pacs008_bayfront.xml"}) {
    const std::string file = kSamples + name;
    const std::string ids =
        run_command("xmllint --xpath \"//*[local-name()='EndToEndId']/text()\" " + file + " 2>/dev/null");
    const std::string names = run_command("xmllint --xpath \"//*[local-name()='Cdtr']/*[local-name()='Nm']/text()\" " +
                                          file + " 2>/dev/null");
    ASSERT_FALSE(ids.empty()) << "xmllint gave nothing for " << file;
    const std::string text = read_file_text(file);
    const PaymentCollector s = read_payments(sniff_payment_format(name, as_bytes(text)), text);
    std::string our_ids, our_names;
    for (const PaymentCopy& p : s.payments) {
      our_ids += p.payment_id + "\n";
      our_names += p.party(PartyRole::kCreditor)->name + "\n";
    }
    EXPECT_EQ(our_ids, ids) << name;
    EXPECT_EQ(our_names, names) << name;
  }
}

class Pain001Version : public ::testing::TestWithParam<int> {};

TEST_P(Pain001Version, ReadsPartiesAgentsAndDate) {
  const int v = GetParam();
  const PaymentCollector s = read_payments(PaymentFormat::kPain001, pain001(v));
  ASSERT_TRUE(s.damages.empty()) << s.reasons();
  ASSERT_EQ(s.payments.size(), 1u);
  const PaymentCopy& p = s.payments[0];
  EXPECT_EQ(p.message_type, std::string("pain.001.001.") + (v < 10 ? "0" : "") + std::to_string(v));
  EXPECT_EQ(p.time_text, "2020-09-21");
  EXPECT_EQ(p.units, 10025);
  EXPECT_EQ(p.party(PartyRole::kDebtor)->bic, "ACMEUS33");
  EXPECT_EQ(p.party(PartyRole::kDebtor)->country, "GB");  // the IBAN beats the BIC
  EXPECT_EQ(p.party(PartyRole::kDebtorAgent)->bic, "NWBKGB2L");
  EXPECT_EQ(p.party(PartyRole::kCreditorAgent)->country, "CN");
}
INSTANTIATE_TEST_SUITE_P(Versions3To11, Pain001Version, ::testing::Range(3, 12));

class Pacs008Version : public ::testing::TestWithParam<int> {};

TEST_P(Pacs008Version, ReadsSettlementAmountAndGroupDate) {
  const PaymentCollector s = read_payments(PaymentFormat::kPacs008, pacs008(GetParam()));
  ASSERT_TRUE(s.damages.empty()) << s.reasons();
  ASSERT_EQ(s.payments.size(), 1u);
  const PaymentCopy& p = s.payments[0];
  EXPECT_EQ(p.amount_text, "7.5");
  EXPECT_EQ(p.currency, "EUR");
  EXPECT_EQ(p.time_text, "2020-09-22");  // GrpHdr/IntrBkSttlmDt, as in version 2
  EXPECT_EQ(p.party(PartyRole::kDebtorAgent)->country, "US");
  EXPECT_EQ(p.party(PartyRole::kCreditor)->name, "騰訊");
}
INSTANTIATE_TEST_SUITE_P(Versions2To12, Pacs008Version, ::testing::Range(2, 13));

TEST(PaymentsIso, PrefixedDocumentInsideAnEnvelope) {
  const std::string text =
      "<Envelope><AppHdr><MsgDefIdr>pacs.008.001.08</MsgDefIdr></AppHdr>"
      "<p:Document xmlns:p=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><p:FIToFICstmrCdtTrf>"
      "<p:GrpHdr><p:MsgId>X</p:MsgId><p:CreDtTm>2020-09-21T10:00:00Z</p:CreDtTm></p:GrpHdr>"
      "<p:CdtTrfTxInf><p:PmtId><p:EndToEndId>E9</p:EndToEndId></p:PmtId>"
      "<p:IntrBkSttlmAmt Ccy=\"USD\">1</p:IntrBkSttlmAmt><p:Dbtr><p:Nm>A</p:Nm></p:Dbtr>"
      "<p:Cdtr><p:Nm>B</p:Nm><p:CtryOfRes>CN</p:CtryOfRes></p:Cdtr></p:CdtTrfTxInf>"
      "</p:FIToFICstmrCdtTrf></p:Document></Envelope>";
  EXPECT_EQ(sniff_payment_format("", as_bytes(text)), PaymentFormat::kPacs008);
  const PaymentCollector s = read_payments(PaymentFormat::kPacs008, text);
  ASSERT_EQ(s.payments.size(), 1u) << s.reasons();
  EXPECT_EQ(s.payments[0].message_type, "pacs.008.001.08");
  EXPECT_EQ(s.payments[0].path, "/Envelope/Document/FIToFICstmrCdtTrf/CdtTrfTxInf[1]");
  EXPECT_EQ(s.payments[0].party(PartyRole::kCreditor)->country_source, CountrySource::kResidence);
  EXPECT_EQ(s.payments[0].precision, TimePrecision::kZoned);
}

}  // namespace
}  // namespace interdict::testing
