// libFuzzer target for the hosting and DNS formats added with issue 3's second pass:
// Squid's access.log, S3 server access logs, Zeek's JSON dns.log, and stamps without a
// zone read with a --log-zone. The first byte picks: 0 Squid, 1 S3, 2 Zeek dns.log JSON,
// 3 dnsmasq, 4 BIND and 5 unbound with a zone (bit 3 picks a named zone over a fixed
// offset, bit 4 a --log-year over the reference), 6 sniff_host_format with a zone, 7 the
// input's first line as a --log-zone value and the rest as stamps. Bit 5 parses every
// other line with a clone. Beyond the sanitizers: views of the line-based readers lie
// inside their line, every damaged line says why, and only a stamp parse_local_stamp
// reads gets a time.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "readers/common/line_source.h"
#include "readers/dns/dns_formats.h"
#include "readers/dns/dns_parsers.h"
#include "readers/hosting/formats.h"
#include "readers/hosting/log_zone.h"

namespace {

using namespace interdict;

bool inside(std::string_view part, std::string_view line) {
  return part.empty() || (part.data() >= line.data() && part.data() + part.size() <= line.data() + line.size());
}

std::shared_ptr<LogZone> zone_for(std::uint8_t selector) {
  auto made = LogZone::make((selector & 8) != 0 ? "America/New_York" : "+08:00", (selector & 16) != 0 ? 2026 : 0);
  if (!made) __builtin_trap();
  (*made)->set_reference(1795956482);
  return *made;
}

std::unique_ptr<HostLineParser> pick(std::uint8_t selector, const std::string& text) {
  switch (selector & 7) {
    case 0: return make_squid_parser();
    case 1: return make_s3_access_parser();
    case 2: return dns::make_zeek_dns_json_parser();
    case 3: return dns::make_dnsmasq_parser(zone_for(selector));
    case 4: return dns::make_bind_parser(zone_for(selector));
    case 5: return dns::make_unbound_parser((selector & 8) != 0, zone_for(selector));
    default: break;
  }
  std::vector<std::string> lines;
  auto source = LineSource::from_string(text);
  std::string_view line;
  while (lines.size() < 8 && source->next(line)) {
    if (!blank_line(line)) lines.emplace_back(line);
  }
  std::vector<std::string_view> head(lines.begin(), lines.end());
  if (head.empty()) return nullptr;
  HostFormatOptions options;
  options.log_zone = zone_for(selector);
  return sniff_host_format(head, options);
}

// The first line is a zone; every other line is a stamp read in it.
void zones(const std::string& text) {
  auto source = LineSource::from_string(text);
  std::string_view line;
  if (!source->next(line)) return;
  auto zone = LogZone::make(line.substr(0, 64), 0);
  if (!zone) return;
  LocalTimes times(*zone);
  while (source->next(line)) {
    LocalStamp stamp;
    Instant at = 0;
    const bool parsed = parse_local_stamp(line, stamp);
    if (times.resolve(line, at, true) && !parsed) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if ((selector & 7) == 7) {
    zones(text);
    return 0;
  }
  std::unique_ptr<HostLineParser> parser = pick(selector, text);
  if (parser == nullptr) return 0;
  std::unique_ptr<HostLineParser> other = (selector & 32) != 0 ? parser->clone() : nullptr;
  // The Zeek JSON reader hands out views into its own copy of the line.
  const bool in_line = (selector & 7) != 2 && (selector & 7) != 6;
  auto source = LineSource::from_string(text);
  std::string_view line;
  HostRecord record;
  std::string why;
  for (std::uint64_t n = 0; source->next(line); ++n) {
    HostLineParser& p = other != nullptr && n % 2 == 1 ? *other : *parser;
    why.clear();
    switch (p.parse(line, record, &why)) {
      case LineKind::kRecord:
        if (in_line && (!inside(record.host, line) || !inside(record.client, line) || !inside(record.target, line))) {
          __builtin_trap();
        }
        break;
      case LineKind::kDamaged:
        if (why.empty()) __builtin_trap();
        break;
      case LineKind::kSkip: break;
    }
  }
  return 0;
}
