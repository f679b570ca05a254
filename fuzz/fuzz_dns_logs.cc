// DNS query logs, dns.log and host lists: bytes -> LineSource -> one DNS-side parser, fed
// line by line as the scan feeds it -> every record's names through a DomainMatcher.
//
// The first byte picks the parser: 0 unbound (replies counted), 1 unbound (replies not),
// 2 dnsmasq, 3 BIND, 4 Zeek dns.log, 5 list, 6 CSV list, 7 whatever sniff_dns_format
// claims from the first lines. Bit 3 clones the parser after the first line, so a clone's
// copied state is exercised. The rest is the input. Every host and target, Unicode and
// punycode alike, is matched against a small matcher whose rules are Unicode, punycode and
// ASCII names; a record's views must lie inside its line or the parser, which ASan checks
// as they are read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "match/match.h"
#include "readers/common/line_source.h"
#include "readers/dns/dns_formats.h"
#include "readers/dns/dns_parsers.h"

namespace {

using namespace interdict;

const DomainMatcher& matcher() {
  static const DomainMatcher* m = [] {
    auto* d = new DomainMatcher;
    d->add("tiktok.com", false, 1);
    d->add("例子.tiktok.com", true, 2);
    d->add("xn--r70as2s.xn--fiqs8s", false, 3);
    d->add("tiktokcdn.com.akamaized.net", true, 4);
    return d;
  }();
  return *m;
}

void touch(std::string_view s) {
  volatile unsigned char sink = 0;
  for (char c : s) sink = sink ^ static_cast<unsigned char>(c);
  (void)sink;
  if (const auto hit = matcher().match(s)) {
    if (hit->rule.empty() || hit->target == 0) std::abort();
  }
}

std::unique_ptr<HostLineParser> pick(int which, const std::string& text) {
  switch (which) {
    case 0: return dns::make_unbound_parser(true);
    case 1: return dns::make_unbound_parser(false);
    case 2: return dns::make_dnsmasq_parser();
    case 3: return dns::make_bind_parser();
    case 4: return dns::make_zeek_dns_parser();
    case 5: return dns::make_list_parser("host name list");
    case 6: return dns::make_csv_list_parser(text.size() % 2 == 0 ? "" : "host");
    default: break;
  }
  std::vector<std::string> lines;
  auto source = LineSource::from_string(text);
  std::string_view line;
  while (lines.size() < 8 && source->next(line)) {
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) lines.emplace_back(line);
  }
  std::vector<std::string_view> head(lines.begin(), lines.end());
  if (head.empty()) return nullptr;
  return sniff_dns_format(head, {});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::unique_ptr<HostLineParser> parser = pick(data[0] & 7, text);
  if (parser == nullptr) return 0;
  const bool clone = (data[0] & 8) != 0;
  auto source = LineSource::from_string(text);
  std::string_view line;
  HostRecord record;
  std::string why;
  while (source->next(line)) {
    const LineKind kind = parser->parse(line, record, &why);
    if (kind == LineKind::kDamaged && why.empty()) std::abort();
    if (kind == LineKind::kRecord) {
      if (record.host.empty()) std::abort();
      touch(record.host);
      touch(record.target);
      touch(record.client);
    }
    why.clear();
    if (clone && source->line_number() == 1) parser = parser->clone();
  }
  return 0;
}
