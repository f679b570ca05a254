// `interdict scan`: its options and --help. The run itself is in scan_run.cc.
#include "cli/scan_run.h"

namespace interdict::cli {

void register_scan(CLI::App& app, GlobalOptions& global, Runner& runner) {
  auto options = std::make_shared<ScanOptions>();
  CLI::App* cmd = app.add_subcommand(
      "scan",
      "Scan the evidence a chokepoint holds and report, per record, what must stop, where, from when and\n"
      "under which clause (docs/scan.md). Each input is recognised by its content:\n\n"
      "  an app-store catalogue, CSV with a header row (columns: app_id / package / bundle_id / store_id,\n"
      "    title, seller, storefronts such as \"US;PR;GU\"; other columns are ignored), or JSON Lines:\n"
      "    {\"app_id\": \"com.zhiliaoapp.musically\", \"title\": \"TikTok\", \"storefronts\": [\"US\", \"CA\"]}\n"
      "  a log of store requests, JSON Lines:\n"
      "    {\"time\": \"2025-02-01T10:00:00Z\", \"type\": \"download\", \"app\": \"835599320\", \"country\": "
      "\"US\"}\n"
      "  web and CDN access logs, decided for hosting (and cdn for a CDN's logs) per request and\n"
      "    aggregated per designated subject and customer hostname:\n"
      "    nginx/Apache combined, combined with the host first ($host, Apache %v[:%p]) or last,\n"
      "      common, or any nginx log_format given with --log-format;\n"
      "    AWS CloudFront standard logs (W3C, #Fields header; the host is x-host-header);\n"
      "    Cloudflare Logpush http_requests (JSON Lines: ClientRequestHost, ClientCountry, ...);\n"
      "    Zeek http.log (TSV with its #fields header, or JSON);\n"
      "    Squid's native access.log (the host of the URL, or CONNECT's host:port);\n"
      "    Amazon S3 server access logs (the Host header, else the bucket)\n"
      "  DNS query logs (unbound, dnsmasq, BIND, Zeek dns.log in TSV or JSON; stamps without a\n"
      "    zone give a time only with --log-zone), zone files (RFC 1035) and host\n"
      "    lists (one name a line, hosts files, adblock and dnsmasq lists, v2fly, CSV)\n"
      "  BGP routing data in MRT format (RIB dumps, update files), told by its binary record\n"
      "    header: sessions with, routes originated by, paths through and routes to the prefixes of\n"
      "    the networks the orders name, as `interdict mrt scan` reports them (docs/mrt.md)\n"
      "  software, decided for the code activity per artefact and designated subject, for software\n"
      "    accessible in --accessible-in (default US): Android APK, AAB, XAPK/APKS and bare DEX (every\n"
      "    class of every DEX, the manifest's components, queried apps and URL schemes); iOS IPA and\n"
      "    Mach-O (frameworks, Objective-C and Swift classes, Info.plist schemes); JAR/AAR (classes,\n"
      "    Maven coordinates); CycloneDX and SPDX SBOMs; package-lock.json, yarn.lock, pnpm-lock.yaml,\n"
      "    Podfile.lock, Package.resolved, gradle.lockfile, pom.xml, build.gradle[.kts]; HTML and\n"
      "    JavaScript (script URLs, URLs in code, globals such as ttq). A folder is walked for them.\n"
      "  payment files, decided for the payment activity at each payment's time: ISO 20022 pain.001\n"
      "    and pacs.008 XML, CSV and JSON Lines (--columns maps other headers); the wallet (WeChat\n"
      "    Pay) and the parties' names against the orders, names matched across scripts; with --lists\n"
      "    every party also against the sanctions lists (a list hit alone is review); only payments\n"
      "    naming something designated or listed are listed (docs/payments.md)\n"
      "Any of them may be gzip, bzip2 or zstd compressed.\n\n"
      "A listing is decided for store.distribute and store.update at --as-of; a download or install\n"
      "for store.distribute at its time, an update for store.update. Each answer gives the verdict\n"
      "(prohibited, review, permitted), the clause's status (in_force, suspended, enjoined, scheduled,\n"
      "revoked), the activities to stop, the storefronts inside and outside the clause's scope, the\n"
      "effective time, the order and prohibition, and the reasons. A damaged record is reported with\n"
      "file:line, counted and skipped; the rest is still read. Output: a table on a terminal, JSON\n"
      "Lines otherwise (--format table|json|jsonl; sarif for software findings, SARIF 2.1.0).\n\n"
      "Examples:\n"
      "  interdict scan samples/store/catalogue.csv samples/store/requests.jsonl\n"
      "  interdict scan --as-of \"2020-09-28T12:00 America/New_York\" samples/store/catalogue.csv\n"
      "  interdict --format jsonl scan --as-of 2025-06-01T00:00:00Z catalogue.jsonl | jq 'select(.verdict != "
      "\"permitted\")'\n"
      "  interdict scan --known-at 2025-01-19T12:00:00Z requests.jsonl   # as the law stood known then\n"
      "  interdict scan --country US samples/hosting/access.log   # customer hostnames serving a designated app\n"
      "  interdict scan --log-format '$remote_addr [$time_local] $host \"$request\" $status' access.log.gz\n"
      "  interdict scan samples/bgp/rib.20201101.0000.mrt   # transit and peering findings\n"
      "  interdict scan samples/code                          # an APK, build files and a web page\n"
      "  interdict scan --as-of 2020-09-21T12:00:00Z samples/payments   # pain.001, pacs.008, CSV\n"
      "  interdict lists import samples/lists && interdict scan --lists interdict-lists.idx samples/payments\n"
      "  interdict --format sarif scan . > interdict.sarif     # a repository, for code scanning\n\n"
      "Exit codes: 0 nothing prohibited, 1 something prohibited, 2 an input could not be opened or\n"
      "recognised, or (--strict) a damaged record.");
  cmd->add_option("input", options->inputs,
                  "Catalogues, request logs, access, CDN and DNS logs, zones, host lists, MRT, apps, SBOMs, "
                  "lockfiles, web code, folders of them; `-` or nothing reads standard input")
      ->type_name("FILE");
  cmd->add_option("--as-of", options->as_of,
                  "Decide listings as of this time (default now): RFC 3339, or \"2020-09-28T12:00 America/New_York\"")
      ->type_name("TIME");
  cmd->add_option("--known-at", options->known_at,
                  "Answer as known at this time: count only the events recorded by then (same forms)")
      ->type_name("TIME");
  cmd->add_flag("--strict", options->strict, "Stop at the first damaged record (exit code 2)");
  cmd->add_option("--log-format", options->log_format,
                  "How access logs are written, as an nginx log_format string, e.g.\n"
                  "'$host $remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent'")
      ->type_name("STRING");
  cmd->add_option("--host-column", options->host_column, "The column holding the hostname in a CSV list of hosts")
      ->type_name("NAME");
  cmd->add_option("--log-zone", options->log_zone,
                  "The zone DNS logs were written in, for stamps that name none (dnsmasq, syslog, BIND's\n"
                  "default, unbound's log-time-ascii): an IANA name such as America/New_York, UTC, or an\n"
                  "offset such as +08:00. Without it such records have no time")
      ->type_name("ZONE");
  cmd->add_option("--log-year", options->log_year,
                  "The year of syslog stamps (\"Nov 29 07:48:02\"), with --log-zone; default: the year that\n"
                  "puts them at or before the file's modification time")
      ->type_name("YYYY");
  cmd->add_option("--country", options->country,
                  "Where the hosting or CDN service is provided (ISO 3166 code, e.g. US): the country of log\n"
                  "records that name none; without it their answers are review")
      ->type_name("CC");
  cmd->add_option("--accessible-in", options->accessible_in,
                  "Where the scanned software is developed or accessible (ISO 3166 code, default US): the\n"
                  "country its code findings are decided for")
      ->type_name("CC");
  cmd->add_option("--columns", options->columns,
                  "Column names of payment files that differ from ours, as field=column pairs:\n"
                  "'creditor_name=Beneficiary Name,amount=Amt' (docs/payments.md)")
      ->type_name("MAPPING");
  cmd->add_option("--lists", options->lists,
                  "Screen every party of every payment against this index of sanctions lists (from\n"
                  "`interdict lists import`); a list hit alone makes a payment review, not prohibited. An index\n"
                  "that cannot be read is refused before any input is read (exit code 2)")
      ->type_name("FILE");
  cmd->add_option("--threads", options->threads, "Worker threads for large logs and apps (default: one per core)")
      ->type_name("N");
  cmd->callback([&global, &runner, options] { runner = [&global, options] { return run_scan(global, *options); }; });
}

}  // namespace interdict::cli
