// The DNS side of hosting evidence: resolver query logs (unbound, dnsmasq, BIND), Zeek's
// dns.log, zone files, and lists of host names (plain, hosts, adblock, dnsmasq, v2fly,
// CSV), each read as a HostLineParser (readers/hosting/host_record.h).
//
// Recognised by content, most specific first: query logs by their daemon's line prefix,
// dns.log by Zeek's `#separator` and `#fields` header (or, written as JSON, by its
// `query` and `id.orig_h` keys), zone files by directives and RRs of
// known types, CSV by a header naming a host column, and a list last, only when its head
// lines are list entries or host names, so that no other format is taken for a list.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "readers/hosting/host_record.h"

namespace interdict {

// The DNS-side parser for the input whose first non-blank lines are `head` (at least the
// first, up to 8), or null when no DNS-side format claims it. The parser starts fresh: feed
// it every line of the input from the first, `head` included. Does not keep `head`.
[[nodiscard]] std::unique_ptr<HostLineParser> sniff_dns_format(std::span<const std::string_view> head,
                                                               const HostFormatOptions& options);

}  // namespace interdict
