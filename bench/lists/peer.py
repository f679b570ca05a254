# The peer: python3's csv, xml.etree and json reading the same lists into the same fields
# (names joined by ent_num for OFAC), best of `rounds`. Standard library only.
import csv, json, sys, time, xml.etree.ElementTree as ET

data, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5

def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [r for r in csv.reader(f) if len(r) > 1]

def ofac(prefix, prim, alt):
    names = {r[0]: [r[1].strip()] for r in rows(prefix + prim)}
    for r in rows(prefix + alt):
        if r[0] in names and r[3].strip() not in names[r[0]]:
            names[r[0]].append(r[3].strip())
    return len(names), sum(len(v) for v in names.values())

def csl(path):
    with open(path, encoding="utf-8", newline="") as f:
        rs = list(csv.DictReader(f))
    return len(rs), sum(1 + len([a for a in r["alt_names"].split(";") if a.strip()]) for r in rs)

def un(path):
    root = ET.parse(path).getroot()
    n = k = 0
    for tag, alias in (("INDIVIDUALS/INDIVIDUAL", "INDIVIDUAL_ALIAS"), ("ENTITIES/ENTITY", "ENTITY_ALIAS")):
        for e in root.findall(tag):
            n += 1
            k += 1 + sum(1 for a in e.findall(alias) if (a.findtext("ALIAS_NAME") or "").strip())
    return n, k

def ftm(path):
    n = k = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if e["schema"] in ("Person", "Organization", "Company", "PublicBody", "LegalEntity", "Vessel", "Airplane"):
                n += 1
                p = e["properties"]
                k += len(set(p.get("name", []) + p.get("alias", []) + p.get("weakAlias", []) + p.get("previousName", [])))
    return n, k

w = data + "/watchman/test/testdata/"
jobs = [("sdn.csv", lambda: ofac(w, "sdn.csv", "alt.csv")),
        ("cons_prim.csv", lambda: ofac(w, "cons_prim.csv", "cons_alt.csv")),
        ("csl.csv", lambda: csl(w + "csl.csv")),
        ("UN_consolidated.xml", lambda: un(w + "UN_consolidated.xml")),
        ("zala/entities.ftm.json", lambda: ftm(data + "/yente/tests/fixtures/dataset/zala/entities.ftm.json"))]
for name, job in jobs:
    best = 1e9
    for _ in range(rounds):
        t = time.perf_counter()
        n, k = job()
        best = min(best, (time.perf_counter() - t) * 1000)
    print(f"python3   {name:45s} {n:6d} entities {k:6d} names {best:8.2f} ms")
