#!/usr/bin/env python3
"""Writes a synthetic pain.001.001.09 file of N transactions (default 100,000) in PmtInf
blocks of 1,000, for bench/payments. Names, accounts and BICs are made up; every 50th
creditor is a Tencent name so a screen has something to find."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.stdout
rng = random.Random(6)
creditors = ["Maple Street Bakery Inc", "Atelier Lumen SARL", "Kowloon Bright Games Studio Limited",
             "Harbour View Dental Supplies Limited", "Merlion Learning Pte. Ltd.", "Rheinufer Handels GmbH"]
tencent = ["腾讯科技（深圳）有限公司", "騰訊控股有限公司", "Tencent Mobility Limited", "Tengxun Holdings Ltd"]
countries = ["US", "FR", "HK", "SG", "DE", "CN", "GB"]
out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
out.write('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">\n<CstmrCdtTrfInitn>\n')
out.write(f'<GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2020-09-21T09:00:00Z</CreDtTm><NbOfTxs>{n}</NbOfTxs>'
          '<InitgPty><Nm>Harbor Lane Trading LLC</Nm></InitgPty></GrpHdr>\n')
i = 0
while i < n:
    out.write(f'<PmtInf><PmtInfId>P{i}</PmtInfId><PmtMtd>TRF</PmtMtd><ReqdExctnDt><Dt>2020-09-21</Dt></ReqdExctnDt>\n'
              '<Dbtr><Nm>Harbor Lane Trading LLC</Nm><PstlAdr><TwnNm>San Francisco</TwnNm><Ctry>US</Ctry></PstlAdr></Dbtr>\n'
              '<DbtrAcct><Id><Othr><Id>000123456789</Id></Othr></Id></DbtrAcct>\n'
              '<DbtrAgt><FinInstnId><BICFI>BAYFUS6SXXX</BICFI></FinInstnId></DbtrAgt>\n')
    for _ in range(min(1000, n - i)):
        name = tencent[i % 4] if i % 50 == 0 else rng.choice(creditors)
        country = rng.choice(countries)
        cents = rng.randrange(1, 10_000_000)
        out.write(f'<CdtTrfTxInf><PmtId><InstrId>I{i}</InstrId><EndToEndId>E2E-{i}</EndToEndId></PmtId>'
                  f'<Amt><InstdAmt Ccy="USD">{cents // 100}.{cents % 100:02d}</InstdAmt></Amt>\n'
                  f'<CdtrAgt><FinInstnId><BICFI>EXMP{country}22XXX</BICFI></FinInstnId></CdtrAgt>\n'
                  f'<Cdtr><Nm>{name}</Nm><PstlAdr><AdrLine>{i} Harbour Road</AdrLine><Ctry>{country}</Ctry></PstlAdr></Cdtr>\n'
                  f'<CdtrAcct><Id><Othr><Id>ACCT{i:08d}</Id></Othr></Id></CdtrAcct>\n'
                  f'<RmtInf><Ustrd>Invoice {i}{" WeChat Pay" if i % 97 == 0 else ""}</Ustrd></RmtInf></CdtTrfTxInf>\n')
        i += 1
    out.write('</PmtInf>\n')
out.write('</CstmrCdtTrfInitn>\n</Document>\n')
