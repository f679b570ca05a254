// libFuzzer target for the web and CDN log readers (src/readers/hosting): the input is cut
// into lines, a parser is chosen, and every line is parsed, as the hosting scan does. The
// first byte picks the parser: 0 lets sniff_host_format choose from the first lines; 1 to
// 5 put a header or pick a layout (host-first combined, CloudFront `#Fields`, Zeek
// `#fields`, Cloudflare JSON, Zeek JSON); 6 compiles the input's first line as an nginx
// log_format and reads the rest with it. Bit 0x80 parses every other line with a clone.
// Beyond the sanitizers: a record's views lie inside its line or are a two-letter country,
// every damaged line says why, and reading the input in place (parse_at) answers as
// reading it line by line does.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "readers/common/line_source.h"
#include "readers/hosting/formats.h"

namespace {

using interdict::HostLineParser;
using interdict::HostRecord;
using interdict::LineKind;

bool inside(std::string_view part, std::string_view line) {
  return part.empty() || (part.data() >= line.data() && part.data() + part.size() <= line.data() + line.size());
}

std::unique_ptr<HostLineParser> pick(std::uint8_t selector, std::string& text) {
  switch (selector % 7) {
    case 1: {
      auto parser = interdict::make_log_format_parser(interdict::web_layouts()[0].format, "fuzz", true);
      return parser ? std::move(*parser) : nullptr;
    }
    case 2:
      text = "#Version: 1.0\n#Fields: date time c-ip cs(Host) x-host-header c-country\n" + text;
      return interdict::make_w3c_parser();
    case 3:
      text = "#separator \\x09\n#fields\tts\tid.orig_h\thost\turi\n" + text;
      return interdict::make_zeek_http_parser();
    case 4: return interdict::make_json_log_parser(interdict::cloudflare_keys());
    case 5: return interdict::make_json_log_parser(interdict::zeek_json_keys());
    default: return nullptr;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const int path = (selector & 0x7f) % 7;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::unique_ptr<HostLineParser> parser = pick(selector & 0x7f, text);
  auto source = interdict::LineSource::from_string(text);
  std::string_view line;
  if (path == 6) {
    if (!source->next(line)) return 0;
    auto compiled = interdict::compile_log_format(line);
    if (!compiled) return 0;
    parser = std::move(*compiled);
  } else if (parser == nullptr) {
    std::vector<std::string> head;
    auto peek = interdict::LineSource::from_string(text);
    while (head.size() < 8 && peek->next(line)) {
      if (!interdict::blank_line(line)) head.emplace_back(line);
    }
    std::vector<std::string_view> views(head.begin(), head.end());
    parser = interdict::sniff_host_format(views, interdict::HostFormatOptions{"$host [$time_local] $status", ""});
    if (parser == nullptr) return 0;
  }
  std::unique_ptr<HostLineParser> in_place = parser->clone();
  std::unique_ptr<HostLineParser> by_line = parser->clone();
  std::unique_ptr<HostLineParser> other = (selector & 0x80) != 0 ? parser->clone() : nullptr;
  HostRecord record;
  std::string why;
  for (std::uint64_t n = 0; source->next(line); ++n) {
    HostLineParser& p = other != nullptr && n % 2 == 1 ? *other : *parser;
    why.clear();
    switch (p.parse(line, record, &why)) {
      case LineKind::kRecord: {
        // The JSON readers and the sniffed ones may hand out views into their own memory.
        const bool in_line = path == 1 || path == 2 || path == 3 || path == 6;
        if (in_line && (!inside(record.host, line) || !inside(record.client, line) || !inside(record.target, line))) {
          __builtin_trap();
        }
        if (!record.country.empty() && record.country.size() != 2) __builtin_trap();
        break;
      }
      case LineKind::kDamaged:
        if (why.empty()) __builtin_trap();
        break;
      case LineKind::kSkip: break;
    }
  }
  // Differential: read in place (parse_at finds the line ends) and line by line, the
  // answers must agree.
  const char* end = text.data() + text.size();
  for (const char* p = text.data(); p < end;) {
    HostRecord a, b;
    std::string why_a, why_b;
    std::string_view in_text;
    const char* next = nullptr;
    const char* next_b = nullptr;
    const LineKind kind = in_place->parse_at(p, end, a, &why_a, in_text, next);
    const std::string_view line_text = interdict::line_at(p, end, next_b);
    if (kind != by_line->parse(line_text, b, &why_b) || why_a != why_b || in_text != line_text || next != next_b ||
        next <= p) {
      __builtin_trap();
    }
    if (kind == LineKind::kRecord && (a.host != b.host || a.client != b.client || a.target != b.target ||
                                      a.country != b.country || a.at != b.at || a.has_time != b.has_time)) {
      __builtin_trap();
    }
    p = next;
  }
  return 0;
}
