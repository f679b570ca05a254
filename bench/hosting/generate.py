#!/usr/bin/env python3
"""Writes a hosting provider's access log for the hosting benchmark (bench/hosting/run.sh).

nginx combined with the virtual host first ($host $remote_addr - $remote_user [$time_local]
"$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"), about 200 bytes a
line, times rising through 2025. Hosts: a few thousand ordinary customer sites, about 0.1%
of lines for hosts the bundled orders designate (TikTok, CapCut, WeChat names), and as many
near misses that must not match (xtiktok.com, tiktok.com.example.net, notweixin.qq.com).

Also writes PATH.expected.json: the lines, and the lines whose host is designated, which
`interdict scan` must identify exactly before its time counts.
"""
import argparse
import json
import random

DESIGNATED = [
    "www.tiktok.com", "m.tiktok.com", "v16-webapp.tiktok.com", "p16-sign-va.tiktokcdn.com",
    "lf16-tiktok-web.tiktokcdn-us.com", "www.capcut.com", "sf16-website-login.neutral.ttwstatic.com",
    "api16-normal-useast5.tiktokv.us", "weixin.qq.com", "tiktokcdn.com.akamaized.net",
]
NEAR_MISSES = [
    "xtiktok.com", "tiktok.com.example.net", "notweixin.qq.com", "mytiktokfan.blog",
    "capcutx.com", "tiktokcdn.com.example.org", "akamaized.net",
]
WORDS = ("acme bakery widget harbor maple river cedar summit pixel orbit lumen quartz nimbus "
         "delta aurora copper willow falcon meadow ember granite atlas vertex cobalt juniper").split()
TLDS = ["com", "net", "org", "io", "co", "us", "dev", "shop", "blog", "info"]
PATHS = ["/", "/index.html", "/wp-login.php", "/api/v1/items?page=2", "/static/app.3f9c1.js",
         "/static/style.css", "/images/hero.jpg", "/favicon.ico", "/robots.txt", "/feed.xml",
         "/cart", "/checkout?step=2", "/blog/2025/01/hello-world", "/search?q=shoes+red"]
AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "curl/8.5.0",
    "Googlebot/2.1 (+http://www.google.com/bot.html)",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gb", type=float, default=2.0, help="size in GB (1e9 bytes)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20250119)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    customers = sorted({f"{rng.choice(['www.', 'shop.', 'blog.', 'api.', ''])}{rng.choice(WORDS)}-"
                        f"{rng.choice(WORDS)}{rng.randint(1, 99)}.{rng.choice(TLDS)}" for _ in range(5000)})
    # Pools of ready-made parts: choosing from them keeps the generator near disk speed.
    ips = [f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
           for _ in range(4096)]
    tails = []
    for _ in range(4096):
        method = "GET" if rng.random() < 0.9 else "POST"
        status = rng.choice([200] * 8 + [301, 304, 404, 500])
        referer = "-" if rng.random() < 0.5 else f"https://{rng.choice(customers)}{rng.choice(PATHS)}"
        tails.append(f'"{method} {rng.choice(PATHS)} HTTP/1.1" {status} {rng.randint(0, 90000)} '
                     f'"{referer}" "{rng.choice(AGENTS)}"\n')
    target = int(args.gb * 1e9)
    written = lines = designated = 0
    second = 15 * 86400  # seconds since 2025-01-01T00:00:00-05:00: from Jan 16, across Jan 19
    buf = []
    with open(args.out, "w", encoding="ascii") as out:
        while written < target:
            for _ in range(2000):
                r = rng.random()
                if r < 0.001:
                    host = rng.choice(DESIGNATED)
                    designated += 1
                elif r < 0.002:
                    host = rng.choice(NEAR_MISSES)
                else:
                    host = customers[int(r * 1e9) % len(customers)]
                second += rng.randint(0, 1)
                day = second // 86400
                month = min(day // 31, 11)
                stamp = (f"{day % 31 + 1 if day % 31 < 28 else 28:02d}/{MONTHS[month]}/2025:"
                         f"{second // 3600 % 24:02d}:{second // 60 % 60:02d}:{second % 60:02d} -0500")
                line = f"{host} {ips[int(r * 7919) % 4096]} - - [{stamp}] {tails[int(r * 104729) % 4096]}"
                buf.append(line)
                written += len(line)
                lines += 1
            out.write("".join(buf))
            buf.clear()
    with open(args.out + ".expected.json", "w", encoding="ascii") as f:
        json.dump({"bytes": written, "lines": lines, "designated_lines": designated}, f)
    print(f"wrote {args.out}: {written / 1e9:.2f} GB, {lines} lines, {designated} designated")


if __name__ == "__main__":
    main()
