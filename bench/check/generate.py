#!/usr/bin/env python3
"""Writes N JSON Lines transactions for `interdict check` benchmarks: a realistic mix of
designated and ordinary identifiers, activities, countries and times. Deterministic."""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(20200918)
subjects = [
    ("app", "com.zhiliaoapp.musically"), ("app", "835599320"), ("app", "com.tencent.mm"),
    ("app", "org.mozilla.firefox"), ("app", "com.whatsapp"), ("app", "com.ss.android.ugc.aweme"),
    ("domain", "api16-core-c-alisg.tiktokv.com"), ("domain", "p16-sign.tiktokcdn-us.com"),
    ("domain", "long.weixin.qq.com"), ("domain", "www.qq.com"), ("domain", "www.example.com"),
    ("domain", "cdn.jsdelivr.net"), ("domain", "xtiktok.com"), ("domain", "www.midasbuy.com"),
    ("asn", "AS396986"), ("asn", "AS15169"), ("ip", "203.0.113.7"),
    ("package", "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0"),
    ("package", "pkg:npm/left-pad@1.3.0"), ("class", "com.tiktok.open.sdk.auth.AuthApi"),
    ("url", "https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C1234&lib=ttq"),
    ("id", "kaspersky-security"),
]
activities = ["store.distribute", "store.update", "hosting", "cdn", "transit", "peering", "code",
              "payment", "software.supply", "software.update"]
countries = ["US", "US", "US", "PR", "CA", "GB", "CN", "SG", ["US", "CN"]]
years = ["2020-09-25", "2020-09-28", "2020-11-13", "2021-07-01", "2024-10-01", "2025-02-01", "2026-06-01"]
out = sys.stdout
for i in range(n):
    kind, value = rng.choice(subjects)
    line = {"activity": rng.choice(activities), "subject": {kind: value},
            "country": rng.choice(countries), "at": rng.choice(years) + "T12:00:00Z"}
    if i % 10 == 0:
        line["known_at"] = "2020-09-26T00:00:00Z"
    out.write(json.dumps(line, separators=(",", ":")) + "\n")
