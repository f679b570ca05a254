#!/usr/bin/env python3
"""Writes a large synthetic multidex APK for the Android benchmark.

    gen_apk.py OUT.apk [--dex 12] [--classes 50000] [--strings 300000] [--seed 1]

Each classes*.dex holds `--classes` class_defs (dotted names spread over a few thousand
packages, as real apps' are) and `--strings` other string constants of 40 to 80 random
characters (code's method names, messages and literals, which make up most of a real DEX's
bytes), with a correct Adler-32 checksum and SHA-1 signature so that dexdump accepts every
file. A few classes of designated SDKs are hidden among them (DESIGNATED below), plus an
AndroidManifest.xml-free layout: only the DEX files matter here. The APK is deflated.
Prints the number of classes and the designated classes with their DEX file.
Layout of a DEX: src/readers/android/dex_format.h.
"""
import argparse
import hashlib
import random
import struct
import zipfile
import zlib

DESIGNATED = {  # dex index (1-based) -> descriptors
    3: ["Lcom/tencent/mm/opensdk/openapi/IWXAPI;", "Lcom/tencent/mm/opensdk/openapi/WXAPIFactory;"],
    7: ["Lcom/tiktok/open/sdk/auth/AuthApi;"],
    11: ["Lcom/bytedance/sdk/openadsdk/TTAdSdk;", "Lcom/bytedance/sdk/openadsdk/TTAdConfig$Builder;"],
}
ALPHABET = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ "
TABLE = bytes(ALPHABET[i % len(ALPHABET)] for i in range(256))


def uleb128(v):
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        out.append(b | 0x80 if v else b)
        if not v:
            return bytes(out)


def build_dex(classes, strings):
    all_strings = sorted(set(classes) | set(strings) | {"Ljava/lang/Object;"})
    index = {s: i for i, s in enumerate(all_strings)}
    type_strings = sorted({index[c] for c in classes} | {index["Ljava/lang/Object;"]})
    type_index = {s: i for i, s in enumerate(type_strings)}
    n_s, n_t, n_c = len(all_strings), len(type_strings), len(classes)
    string_ids_off = 0x70
    type_ids_off = string_ids_off + 4 * n_s
    class_defs_off = type_ids_off + 4 * n_t
    data_off = class_defs_off + 32 * n_c
    data = bytearray()
    offsets = []
    for s in all_strings:
        offsets.append(data_off + len(data))
        raw = s.encode("ascii")
        data += uleb128(len(raw)) + raw + b"\0"
    while len(data) % 4:
        data.append(0)
    map_off = data_off + len(data)
    items = [(0x0000, 1, 0), (0x0001, n_s, string_ids_off), (0x0002, n_t, type_ids_off),
             (0x0006, n_c, class_defs_off), (0x2002, n_s, data_off), (0x1000, 1, map_off)]
    data += struct.pack("<I", len(items))
    for t, size, off in items:
        data += struct.pack("<HHII", t, 0, size, off)
    ids = bytearray(struct.pack(f"<{n_s}I", *offsets))
    ids += struct.pack(f"<{n_t}I", *type_strings)
    obj = type_index[index["Ljava/lang/Object;"]]
    defs = bytearray(32 * n_c)
    for i, c in enumerate(classes):
        struct.pack_into("<8I", defs, 32 * i, type_index[index[c]], 1, obj, 0, 0xFFFFFFFF, 0, 0, 0)
    body = ids + defs + data
    file_size = 0x70 + len(body)
    header = bytearray(0x70)
    header[0:8] = b"dex\n035\0"
    struct.pack_into("<III", header, 32, file_size, 0x70, 0x12345678)
    struct.pack_into("<I", header, 52, map_off)
    struct.pack_into("<14I", header, 56, n_s, string_ids_off, n_t, type_ids_off, 0, 0, 0, 0, 0, 0,
                     n_c, class_defs_off, len(data), data_off)
    dex = header + body
    dex[12:32] = hashlib.sha1(dex[32:]).digest()
    struct.pack_into("<I", dex, 8, zlib.adler32(dex[12:]))
    return bytes(dex)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--dex", type=int, default=12)
    p.add_argument("--classes", type=int, default=50000)
    p.add_argument("--strings", type=int, default=300000)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = random.Random(a.seed)
    vendors = [f"com/vendor{v}" for v in range(200)]
    total = 0
    with zipfile.ZipFile(a.out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for d in range(1, a.dex + 1):
            classes = []
            for i in range(a.classes):
                pkg = f"{rng.choice(vendors)}/p{rng.randrange(20)}"
                name = f"L{pkg}/C{d}x{i}" + ("$Inner;" if i % 7 == 0 else ";")
                classes.append(name)
            designated = DESIGNATED.get(d, [])
            for k, c in enumerate(designated):
                classes.insert(rng.randrange(len(classes)), c)
                print(f"designated classes{'' if d == 1 else d}.dex {c[1:-1].replace('/', '.')}")
            strings = set()
            while len(strings) < a.strings:
                strings.add(rng.randbytes(rng.randrange(40, 80)).translate(TABLE).decode("ascii"))
            if d == 2:
                strings.add("https://api.example.com/v1/")
            total += len(classes)
            z.writestr(f"classes{'' if d == 1 else d}.dex", build_dex(classes, sorted(strings)))
    print(f"classes {total}")


if __name__ == "__main__":
    main()
