// Test helper for the ISO 20022 payment tests: the sample folder, one-transaction
// messages in the shape of each schema version, and line lookups.
#pragma once

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace interdict::testing {

inline const std::string kSamples = std::string(INTERDICT_SOURCE_DIR) + "/samples/payments/";

// The 1-based line of the n-th (0-based) occurrence of `needle`.
inline std::uint64_t line_of(const std::string& text, std::string_view needle, int n = 0) {
  std::size_t pos = text.find(needle);
  while (n-- > 0 && pos != std::string::npos) pos = text.find(needle, pos + 1);
  return pos == std::string::npos ? 0
                                  : 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n');
}

inline std::string run_command(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.append(buffer, n);
  return out;
}

// One pain.001 credit transfer in the shape of schema version .001.001.<v>: version 3
// writes BIC and BICOrBEI, 4 to 7 BICFI and a bare ReqdExctnDt, 8 on ReqdExctnDt/Dt and LEI.
inline std::string pain001(int v, std::string_view tx_extra = "",
                           std::string_view amount = R"(<InstdAmt Ccy="USD">100.25</InstdAmt>)") {
  const std::string ns =
      "urn:iso:std:iso:20022:tech:xsd:pain.001.001." + std::string(v < 10 ? "0" : "") + std::to_string(v);
  const std::string bic = v <= 3 ? "BIC" : "BICFI";
  const std::string any_bic = v <= 3 ? "BICOrBEI" : "AnyBIC";
  const std::string date =
      v >= 8 ? "<ReqdExctnDt><Dt>2020-09-21</Dt></ReqdExctnDt>" : "<ReqdExctnDt>2020-09-21</ReqdExctnDt>";
  return "<?xml version=\"1.0\"?>\n<Document xmlns=\"" + ns +
         "\">\n<CstmrCdtTrfInitn>\n<GrpHdr><MsgId>M1</MsgId><CreDtTm>2020-09-20T10:00:00</CreDtTm></GrpHdr>\n"
         "<PmtInf><PmtInfId>P1</PmtInfId>" +
         date + "\n<Dbtr><Nm>Acme Corp</Nm><Id><OrgId><" + any_bic + ">ACMEUS33</" + any_bic +
         "></OrgId></Id></Dbtr>\n"
         "<DbtrAcct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></DbtrAcct>\n"
         "<DbtrAgt><FinInstnId><" +
         bic + ">NWBKGB2L</" + bic +
         "></FinInstnId></DbtrAgt>\n"
         "<CdtTrfTxInf>\n<PmtId><EndToEndId>E1</EndToEndId></PmtId><Amt>" +
         std::string(amount) + "</Amt>\n<CdtrAgt><FinInstnId><" + bic + ">PRLDCNSZXXX</" + bic +
         "></FinInstnId></CdtrAgt>\n"
         "<Cdtr><Nm>Tencent</Nm></Cdtr>" +
         std::string(tx_extra) + "\n</CdtTrfTxInf>\n</PmtInf>\n</CstmrCdtTrfInitn>\n</Document>\n";
}

// One pacs.008 transfer in the shape of .008.001.<v>: version 2 writes BIC, later BICFI.
inline std::string pacs008(int v, std::string_view tx = "") {
  const std::string ns =
      "urn:iso:std:iso:20022:tech:xsd:pacs.008.001." + std::string(v < 10 ? "0" : "") + std::to_string(v);
  const std::string bic = v <= 2 ? "BIC" : "BICFI";
  const std::string body = tx.empty() ? "<PmtId><InstrId>I1</InstrId><EndToEndId>E1</EndToEndId></PmtId>"
                                        "<IntrBkSttlmAmt Ccy=\"EUR\">7.5</IntrBkSttlmAmt><Dbtr><Nm>Jane Roe</Nm></Dbtr>"
                                        "<DbtrAgt><FinInstnId><" +
                                            bic + ">BAYFUS6S</" + bic +
                                            "></FinInstnId></DbtrAgt>"
                                            "<CdtrAgt><FinInstnId><" +
                                            bic + ">KWLNHKHHXXX</" + bic +
                                            "></FinInstnId></CdtrAgt>"
                                            "<Cdtr><Nm>騰訊</Nm></Cdtr>"
                                      : std::string(tx);
  return "<Document xmlns=\"" + ns +
         "\"><FIToFICstmrCdtTrf><GrpHdr><MsgId>G</MsgId>"
         "<CreDtTm>2020-09-21T10:00:00+08:00</CreDtTm><IntrBkSttlmDt>2020-09-22</IntrBkSttlmDt></GrpHdr>\n"
         "<CdtTrfTxInf>" +
         body + "</CdtTrfTxInf>\n</FIToFICstmrCdtTrf></Document>";
}

}  // namespace interdict::testing
