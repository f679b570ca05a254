// The payments chokepoint end to end: `interdict scan` on payment files, each payment
// decided at its own time for the payment activity.
#include <gtest/gtest.h>

#include <map>

#include "cli/cli_helpers.h"

namespace interdict::testing {
namespace {

const std::string kSamples = source_path("samples/payments");

// Prohibits payments through WeChat Pay for parties in the US since 2020.
const std::string kPaymentOrder = order_in_force("test-payments", "[\"payment\"]", "[\"wechat-pay\"]");

TEST(ScanPayments, SampleWeChatPayPaymentsAreDecidedAtTheirOwnTime) {
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(kSamples));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> status;  // payment id -> status
  for (const std::string& line : split_lines(r.out)) {
    simdjson::dom::parser parser;
    simdjson::dom::element e = parser.parse(line).value();
    EXPECT_EQ(str(e, "kind"), "payment");
    status[str(e, "payment_id")] = str(e, "subject") + " " + str(e, "status");
  }
  // September 2020: the WeChat order's payment clause was enjoined from 19 September.
  EXPECT_EQ(status["WLT-1001"], "wechat-pay enjoined") << r.out;      // the channel column
  EXPECT_EQ(status["WLT-1005"], "wechat-pay enjoined") << r.out;      // "Paid via WeChat Pay QR"
  EXPECT_EQ(status["HLT-E2E-0001"], "wechat-pay enjoined") << r.out;  // pain.001
  EXPECT_EQ(status["OAK-INV-3391"], "wechat-pay enjoined") << r.out;  // pacs.008
  EXPECT_EQ(status.count("WLT-1002"), 0u) << "a card payment to a print shop names nothing";
}

TEST(ScanPayments, ProhibitedUnderAnOrderInForceExitsOne) {
  TempDir orders;
  orders.write("payments.toml", kPaymentOrder);
  CommandResult r = run_interdict("--orders +" + shell_quote(orders.path().string()) + " --format jsonl scan " +
                                  shell_quote(kSamples + "/payments.csv"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("\"verdict\":\"prohibited\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"in_scope\":true"), std::string::npos) << r.out;
}

TEST(ScanPayments, ColumnMappingReadsOtherHeaders) {
  TempDir dir;
  const std::string csv = dir.write("bank.csv",
                                    "Ref,Booked,Amt,Ccy,Via,Payer,Payer Country,Beneficiary Name,Beneficiary Country\n"
                                    "B-1,2020-09-21T12:00:00Z,10.00,USD,WeChat Pay,Ann Lee,US,Shop,CN\n");
  CommandResult r = run_interdict(
      "--format jsonl scan --columns 'payment_id=Ref,time=Booked,amount=Amt,currency=Ccy,channel=Via,"
      "debtor_name=Payer,debtor_country=Payer Country,creditor_name=Beneficiary Name,"
      "creditor_country=Beneficiary Country' " +
      shell_quote(csv));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"payment_id\":\"B-1\""), std::string::npos) << r.out << r.err;
}

TEST(ScanPayments, BadColumnMappingIsAUsageError) {
  CommandResult r = run_interdict("scan --columns 'creditor_nme=X' /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--columns"), std::string::npos) << r.err;
}

TEST(ScanPayments, BrokenXmlKeepsThePaymentsBeforeTheBreak) {
  std::string xml = read_file(kSamples + "/pain001_harbor_lane.xml");
  const std::size_t cut = xml.rfind("</CdtTrfTxInf>");
  ASSERT_NE(cut, std::string::npos);
  xml.resize(cut);
  TempDir dir;
  const std::string path = dir.write("cut.xml", xml);
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("cut.xml"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("HLT-E2E-0001"), std::string::npos) << "the first transaction is complete: " << r.out;
}

// An order whose wallet the reader has never heard of: subject id `zz-lumen-1`, named
// "Zephyr Pay" (alias "泽飞支付"), its payments prohibited in the US since 2020.
std::string zephyr_order() {
  return order_in_force("test-zephyr", "[\"payment\"]", "[\"zz-lumen-1\"]") +
         "\n[[subject]]\nid = \"zz-lumen-1\"\nname = \"Zephyr Pay\"\nkind = \"service\"\n"
         "aliases = [\"泽飞支付\"]\nsource = \"https://example.org/zephyr\"\nconfidence = \"confirmed\"\n";
}

// Scans one CSV payment row (after the header) under the bundled orders and the Zephyr order.
CommandResult scan_zephyr(const std::string& row) {
  TempDir dir;
  dir.write("zephyr.toml", zephyr_order());
  const std::string csv = dir.write(
      "p.csv",
      "payment_id,time,amount,currency,channel,debtor_name,debtor_country,creditor_name,remittance\n" + row + "\n");
  return run_interdict("--orders +" + shell_quote(dir.path().string()) + " --format jsonl scan " + shell_quote(csv));
}

TEST(ScanPaymentsNames, AWalletUnknownToTheReaderIsFoundByItsChannelName) {
  CommandResult r = scan_zephyr("Z-1,2021-05-01T10:00:00Z,10.00,USD,Zephyr Pay,Ann Lee,US,Corner Shop,Order 5");
  EXPECT_EQ(r.exit_code, 1) << r.err << r.out;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_EQ(str(lines[0], "verdict"), "prohibited");
  EXPECT_EQ(str(lines[0], "subject"), "zz-lumen-1");
  EXPECT_EQ(str(lines[0]["matched"], "from"), "channel");
  EXPECT_EQ(str(lines[0]["matched"], "value"), "Zephyr Pay");
}

TEST(ScanPaymentsNames, AWalletAliasInAnotherScriptIsFound) {
  CommandResult r = scan_zephyr("Z-2,2021-05-01T10:00:00Z,10.00,USD,泽飞支付,Ann Lee,US,Corner Shop,Order 5");
  EXPECT_EQ(r.exit_code, 1) << r.err << r.out;
  EXPECT_NE(r.out.find("\"subject\":\"zz-lumen-1\""), std::string::npos) << r.out;
}

// Named in free text, the wallet is a mention: found and shown, but only for review, since
// the text may speak of the wallet without the payment going through it.
TEST(ScanPaymentsNames, AWalletNamedInRemittanceTextIsFoundForReview) {
  CommandResult r =
      scan_zephyr("Z-3,2021-05-01T10:00:00Z,10.00,USD,wire,Ann Lee,US,Corner Shop,settled through Zephyr Pay");
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_EQ(str(lines[0], "wallet_in_text"), "Zephyr Pay");
  EXPECT_EQ(str(lines[0]["matched"], "from"), "remittance");
  EXPECT_EQ(str(lines[0], "verdict"), "review");
  EXPECT_NE(r.out.find("does not show it in use"), std::string::npos) << r.out;
}

TEST(ScanPaymentsNames, AWalletInTextThatOnlyPartlyMatchesIsReview) {
  CommandResult r =
      scan_zephyr("Z-4,2021-05-01T10:00:00Z,10.00,USD,wire,Ann Lee,US,Corner Shop,top-up via Zephyrine Pay");
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_EQ(str(lines[0], "verdict"), "review");
  EXPECT_EQ(str(lines[0]["matched"], "name_verdict"), "review");
}

TEST(ScanPaymentsNames, CreditorInTraditionalChineseIsTencentHoldings) {
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(kSamples + "/transfers.jsonl"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  JsonLines lines(r.out);
  bool seen = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (str(lines[i], "payment_id") != "TRF-2102") continue;
    seen = true;
    EXPECT_EQ(str(lines[i], "subject"), "tencent-holdings");
    EXPECT_EQ(str(lines[i]["matched"], "from"), "creditor");
    EXPECT_EQ(str(lines[i]["matched"], "value"), "騰訊控股");
    EXPECT_EQ(str(lines[i]["matched"], "name_verdict"), "match");
    // An owner is not its designated app: naming Tencent prohibits nothing by itself.
    EXPECT_EQ(str(lines[i], "verdict"), "permitted");
  }
  EXPECT_TRUE(seen) << r.out;
}

}  // namespace
}  // namespace interdict::testing
