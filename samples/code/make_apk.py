#!/usr/bin/env python3
"""Writes samples/code/shop.apk: a small Android app that integrates the WeChat Open SDK.

Synthetic and self-contained: a classes.dex (DEX 035, written here with its Adler-32
checksum, SHA-1 signature and map list, so Debian's dexdump accepts it) and a binary
AndroidManifest.xml (Android's ResXMLTree chunks) in a zip. Formats: source.android.com
"dex-format" and frameworks/base ResourceTypes.h. Run: python3 samples/code/make_apk.py
"""
import hashlib
import struct
import zipfile
import zlib
from pathlib import Path

PACKAGE = "com.example.shop"
CLASSES = [
    "com.example.shop.MainActivity",
    "com.example.shop.CartActivity",
    "com.example.shop.wxapi.WXEntryActivity",
    "com.example.shop.wxapi.WXPayEntryActivity",
    "com.tencent.mm.opensdk.openapi.IWXAPI",
    "com.tencent.mm.opensdk.openapi.WXAPIFactory",
    "com.tencent.mm.opensdk.modelpay.PayReq",
    "com.tencent.mm.opensdk.modelmsg.SendAuth$Req",
    "androidx.core.app.ComponentActivity",
]
URLS = ["https://api.example.com/v1/cart", "https://open.weixin.qq.com/connect/oauth2/authorize"]


def uleb128(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def dex():
    descriptors = ["L" + c.replace(".", "/") + ";" for c in CLASSES]
    strings = sorted(set(descriptors + ["Ljava/lang/Object;"] + URLS))
    index = {s: i for i, s in enumerate(strings)}
    types = sorted(d for d in strings if d.startswith("L"))  # type_ids sorted by string index
    type_index = {t: i for i, t in enumerate(types)}
    header_size = 0x70
    string_ids_off = header_size
    type_ids_off = string_ids_off + 4 * len(strings)
    class_defs_off = type_ids_off + 4 * len(types)
    data_off = class_defs_off + 32 * len(descriptors)
    data = bytearray()
    string_offsets = []
    for s in strings:
        string_offsets.append(data_off + len(data))
        data += uleb128(len(s)) + s.encode() + b"\0"
    while len(data) % 4:
        data += b"\0"
    map_off = data_off + len(data)
    items = [(0x0000, 1, 0), (0x0001, len(strings), string_ids_off), (0x0002, len(types), type_ids_off),
             (0x0006, len(descriptors), class_defs_off), (0x2002, len(strings), data_off), (0x1000, 1, map_off)]
    data += struct.pack("<I", len(items))
    for kind, count, off in items:
        data += struct.pack("<HHII", kind, 0, count, off)
    body = bytearray()
    for off in string_offsets:
        body += struct.pack("<I", off)
    for t in types:
        body += struct.pack("<I", index[t])
    no_index = 0xFFFFFFFF
    # A superclass must come before its subclasses: every class here extends Object.
    for d in sorted(descriptors, key=lambda d: type_index[d]):
        body += struct.pack("<8I", type_index[d], 1, type_index["Ljava/lang/Object;"], 0, no_index, 0, 0, 0)
    file_size = header_size + len(body) + len(data)
    header = bytearray(b"dex\n035\0" + b"\0" * (header_size - 8))
    struct.pack_into("<I", header, 32, file_size)
    struct.pack_into("<I", header, 36, header_size)
    struct.pack_into("<I", header, 40, 0x12345678)
    struct.pack_into("<I", header, 52, map_off)
    struct.pack_into("<II", header, 56, len(strings), string_ids_off)
    struct.pack_into("<II", header, 64, len(types), type_ids_off)
    struct.pack_into("<II", header, 96, len(descriptors), class_defs_off)
    struct.pack_into("<II", header, 104, len(data), data_off)
    out = header + body + data
    out[12:32] = hashlib.sha1(out[32:]).digest()
    struct.pack_into("<I", out, 8, zlib.adler32(bytes(out[12:])) & 0xFFFFFFFF)
    return bytes(out)


ANDROID_NS = "http://schemas.android.com/apk/res/android"
ATTR_IDS = {"name": 0x01010003, "versionCode": 0x0101021B, "versionName": 0x0101021C, "scheme": 0x01010027}


def manifest():
    # (element, [(attr, value, android namespace?)], children)
    activity = lambda name, children=(): ("activity", [("name", name, True)], list(children))
    tree = ("manifest", [("versionCode", 7, True), ("versionName", "2.4.1", True), ("package", PACKAGE, False)], [
        ("queries", [], [("package", [("name", "com.tencent.mm", True)], [])]),
        ("application", [], [
            activity(".MainActivity"),
            activity(".CartActivity"),
            activity(".wxapi.WXEntryActivity"),
            activity(".wxapi.WXPayEntryActivity"),
        ]),
    ])
    strings = list(ATTR_IDS)  # attribute names with resource ids first: the map covers them

    def intern(s):
        if s not in strings:
            strings.append(s)
        return strings.index(s)

    intern(ANDROID_NS)
    intern("android")

    def collect(e):
        intern(e[0])
        for name, value, _ in e[1]:
            intern(name)
            if isinstance(value, str):
                intern(value)
        for c in e[2]:
            collect(c)

    collect(tree)
    pool_data = bytearray()
    offsets = []
    for s in strings:
        offsets.append(len(pool_data))
        pool_data += struct.pack("<H", len(s)) + s.encode("utf-16-le") + b"\0\0"
    while len(pool_data) % 4:
        pool_data += b"\0"
    pool_header = 28
    strings_start = pool_header + 4 * len(strings)
    pool = struct.pack("<HHI", 0x0001, pool_header, strings_start + len(pool_data))
    pool += struct.pack("<5I", len(strings), 0, 0, strings_start, 0)
    pool += b"".join(struct.pack("<I", o) for o in offsets) + pool_data
    resmap = struct.pack("<HHI", 0x0180, 8, 8 + 4 * len(ATTR_IDS)) + b"".join(
        struct.pack("<I", i) for i in ATTR_IDS.values())
    nodes = bytearray()
    no = 0xFFFFFFFF
    ns, prefix = strings.index(ANDROID_NS), strings.index("android")
    nodes += struct.pack("<HHIII", 0x0100, 16, 24, 1, no) + struct.pack("<II", prefix, ns)

    def element(e, line):
        name, attrs, children = e
        ext = struct.pack("<IIHHHHHH", no, strings.index(name), 20, 20, len(attrs), 0, 0, 0)
        for attr, value, android in attrs:
            if isinstance(value, str):
                typed = struct.pack("<HBBI", 8, 0, 0x03, strings.index(value))
                raw = strings.index(value)
            else:
                typed = struct.pack("<HBBI", 8, 0, 0x10, value)
                raw = no
            ext += struct.pack("<III", ns if android else no, strings.index(attr), raw) + typed
        nonlocal_nodes.append(struct.pack("<HHIII", 0x0102, 16, 16 + len(ext), line, no) + ext)
        for c in children:
            element(c, line + 1)
        nonlocal_nodes.append(struct.pack("<HHIII", 0x0103, 16, 24, line, no) + struct.pack("<II", no, strings.index(name)))

    nonlocal_nodes = []
    element(tree, 2)
    nodes += b"".join(nonlocal_nodes)
    nodes += struct.pack("<HHIII", 0x0101, 16, 24, 99, no) + struct.pack("<II", prefix, ns)
    body = pool + resmap + nodes
    return struct.pack("<HHI", 0x0003, 8, 8 + len(body)) + body


def main():
    out = Path(__file__).with_name("shop.apk")
    with zipfile.ZipFile(out, "w") as z:
        for name, data in (("AndroidManifest.xml", manifest()), ("classes.dex", dex())):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    print(out)


if __name__ == "__main__":
    main()
