// Zone files: bytes -> LineSource -> the zone parser, line by line, as the scan feeds it.
//
// The first byte: bit 0 clones the parser after every line (a clone must carry origin,
// owner and open parentheses); bit 1 makes sniff_dns_format choose, so that sniffing runs
// the zone parser over the head too. Checks beyond the sanitizers: a damaged line says
// why; a record has a host; and every host and target goes through the DomainMatcher's Unicode and ASCII paths.
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
    d->add("example.com", false, 1);
    d->add("bücher.example", false, 2);
    d->add("xn--fsqu00a.tiktok.com", true, 3);
    return d;
  }();
  return *m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::unique_ptr<HostLineParser> parser;
  if ((data[0] & 2) != 0) {
    std::vector<std::string> lines;
    auto head_source = LineSource::from_string(text);
    std::string_view line;
    while (lines.size() < 8 && head_source->next(line)) {
      if (line.find_first_not_of(" \t\r") != std::string_view::npos) lines.emplace_back(line);
    }
    std::vector<std::string_view> head(lines.begin(), lines.end());
    if (!head.empty()) parser = sniff_dns_format(head, {});
  } else {
    parser = dns::make_zone_parser();
  }
  if (parser == nullptr) return 0;
  const bool clone = (data[0] & 1) != 0;
  auto source = LineSource::from_string(text);
  std::string_view line;
  HostRecord record;
  std::string why;
  while (source->next(line)) {
    const LineKind kind = parser->parse(line, record, &why);
    if (kind == LineKind::kDamaged && why.empty()) std::abort();
    if (kind == LineKind::kRecord) {
      if (record.host.empty()) std::abort();
      (void)matcher().match(record.host);
      (void)matcher().match(record.target);
    }
    why.clear();
    if (clone) parser = parser->clone();
  }
  return 0;
}
