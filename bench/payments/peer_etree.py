#!/usr/bin/env python3
"""The peer: Python's xml.etree.ElementTree, as a compliance team would script it, reading
the same fields per transaction as interdict's pain.001 reader (payment id, amount,
currency, debtor and creditor names and countries, remittance). Prints the transaction
count and the amount total in cents, which the C++ run must match before its time counts."""
import sys
import time
import xml.etree.ElementTree as ET

def local(tag):
    return tag.rsplit('}', 1)[-1]

def find(node, *path):
    for step in path:
        if node is None:
            return None
        node = next((c for c in node if local(c.tag) == step), None)
    return node

def text(node, *path):
    n = find(node, *path)
    return (n.text or '').strip() if n is not None else ''

start = time.perf_counter()
count = 0
cents = 0
root = ET.parse(sys.argv[1]).getroot()
for msg in root:
    for info in msg:
        if local(info.tag) != 'PmtInf':
            continue
        debtor = (text(info, 'Dbtr', 'Nm'), text(info, 'Dbtr', 'PstlAdr', 'Ctry'))
        for tx in info:
            if local(tx.tag) != 'CdtTrfTxInf':
                continue
            amt = find(tx, 'Amt', 'InstdAmt')
            record = (text(tx, 'PmtId', 'EndToEndId'), amt.text, amt.get('Ccy'), debtor,
                      text(tx, 'Cdtr', 'Nm'), text(tx, 'Cdtr', 'PstlAdr', 'Ctry'), text(tx, 'RmtInf', 'Ustrd'))
            units, _, frac = record[1].partition('.')
            cents += int(units) * 100 + int((frac + '00')[:2])
            count += 1
elapsed = time.perf_counter() - start
print(f'etree: {count} transactions, {cents} cents, {elapsed:.3f} s')
