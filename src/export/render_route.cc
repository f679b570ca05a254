// The router formats: BIRD 2 and FRR. Names and layout follow bgpq4's output for those
// daemons (a prefix set or prefix-list per family, an AS set or as-path list), with two
// differences an enforcement filter needs: a listed prefix matches every more specific
// route too ("+" in BIRD, "le 32"/"le 128" in FRR), and an ASN matches anywhere in the
// AS path, not only as the origin, since traffic carried through a designated network
// is what transit and peering clauses are about.
#include "export/export.h"
#include "export/export_internal.h"

namespace interdict {
namespace {

using export_internal::header;

// One BIRD set: its elements one per line with the reason in a comment, as bgpq4 lays them
// out; an empty set stays loadable.
void bird_set(std::string& out, std::string_view name, const std::vector<std::string>& items,
              const std::vector<std::string>& labels) {
  out += "define " + std::string(name) + " = [";
  if (items.empty()) {
    out += " ];  # empty: nothing designated\n";
    return;
  }
  out += "\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += "    " + items[i] + (i + 1 < items.size() ? "," : "") + "  # " + labels[i] + "\n";
  }
  out += "];\n";
}

}  // namespace

std::string render_bird(const RouteSelection& sel, std::vector<std::string>& /*notes*/) {
  std::string out = header("bird", "#", sel.options, sel.activities, sel.exported, sel.excluded);
  out +=
      "#\n# BIRD 2: `include` this file at the top level of bird.conf, then in a filter:\n"
      "#     if interdict_designated() then reject;\n"
      "# A prefix matches with every more specific route (p/len+); an ASN anywhere in the AS path.\n";
  std::vector<std::string> items;
  std::vector<std::string> labels;
  for (const auto* family : {&sel.v4, &sel.v6}) {
    items.clear();
    labels.clear();
    for (const PrefixEntry& p : *family) {
      items.push_back(format_prefix(p.prefix) + "+");
      labels.push_back(sources_label(p.sources));
    }
    bird_set(out, family == &sel.v4 ? "INTERDICT_V4" : "INTERDICT_V6", items, labels);
  }
  items.clear();
  labels.clear();
  for (const AsnEntry& a : sel.asns) {
    items.push_back(std::to_string(a.asn));
    labels.push_back(sources_label(a.sources));
  }
  bird_set(out, "INTERDICT_ASNS", items, labels);
  out +=
      "\nfunction interdict_designated()\n{\n"
      "    if net.type = NET_IP4 then { if net ~ INTERDICT_V4 then return true; }\n"
      "    if net.type = NET_IP6 then { if net ~ INTERDICT_V6 then return true; }\n"
      "    if bgp_path ~ [= * INTERDICT_ASNS * =] then return true;\n"
      "    return false;\n}\n";
  return out;
}

std::string render_frr(const RouteSelection& sel, std::vector<std::string>& /*notes*/) {
  std::string out = header("frr", "!", sel.options, sel.activities, sel.exported, sel.excluded);
  out +=
      "!\n! FRR: load with `vtysh -f FILE` (each list is replaced whole) or paste into frr.conf; then\n"
      "!   route-map PEER-IN deny 5\n"
      "!    match ip address prefix-list INTERDICT-V4\n"
      "!   route-map PEER-IN deny 6\n"
      "!    match ipv6 address prefix-list INTERDICT-V6\n"
      "!   route-map PEER-IN deny 7\n"
      "!    match as-path INTERDICT-ASPATH\n"
      "! A prefix matches with every more specific route (le); an ASN anywhere in the AS path.\n"
      "! An empty list holds one entry that matches nothing, as bgpq4 writes it.\n";
  for (const auto* family : {&sel.v4, &sel.v6}) {
    const bool v4 = family == &sel.v4;
    const std::string list = v4 ? "ip prefix-list INTERDICT-V4" : "ipv6 prefix-list INTERDICT-V6";
    const int max_length = v4 ? 32 : 128;
    out += "no " + list + "\n";
    if (family->empty()) {
      out += "! INTERDICT-" + std::string(v4 ? "V4" : "V6") + " is empty: nothing designated\n";
      out += list + " seq 5 deny " + (v4 ? "0.0.0.0/0" : "::/0") + "\n";
      continue;
    }
    int seq = 5;
    for (const PrefixEntry& p : *family) {
      out += "! " + sources_label(p.sources) + "\n";
      out += list + " seq " + std::to_string(seq) + " permit " + format_prefix(p.prefix);
      if (p.prefix.length < max_length) out += " le " + std::to_string(max_length);
      out += "\n";
      seq += 5;
    }
  }
  // bgpd refuses `no` for an as-path list that does not exist (unlike prefix-lists), which
  // a first load would log as a failure: a placeholder entry makes sure it exists.
  out += "bgp as-path access-list INTERDICT-ASPATH seq 1 deny .*\n";
  out += "no bgp as-path access-list INTERDICT-ASPATH\n";
  if (sel.asns.empty()) {
    out += "! INTERDICT-ASPATH is empty: nothing designated\n";
    out += "bgp as-path access-list INTERDICT-ASPATH seq 5 deny .*\n";
  }
  int seq = 5;
  for (const AsnEntry& a : sel.asns) {
    out += "! " + sources_label(a.sources) + "\n";
    // `_` matches a path boundary, so 396986 never matches inside 3969860.
    out += "bgp as-path access-list INTERDICT-ASPATH seq " + std::to_string(seq) + " permit _" + std::to_string(a.asn) +
           "_\n";
    seq += 5;
  }
  return out;
}

}  // namespace interdict
