// The DNS formats: RPZ, unbound local zones, dnsmasq and hosts. docs/export.md explains
// how each one says "this name only" and "this name and all below it", and where it cannot.
#include <limits>

#include "export/export.h"
#include "export/export_internal.h"

namespace interdict {
namespace {

using export_internal::header;

// The entries of one name: its exact rule and its suffix rule, either may be missing.
struct NameRules {
  std::string_view name;
  const DomainEntry* exact = nullptr;
  const DomainEntry* suffix = nullptr;
};

std::vector<NameRules> by_name(const DomainSelection& sel) {
  std::vector<NameRules> out;
  for (const DomainEntry& e : sel.domains) {
    if (out.empty() || out.back().name != e.name) out.push_back(NameRules{e.name});
    (e.exact ? out.back().exact : out.back().suffix) = &e;
  }
  return out;
}

std::string label(const DomainEntry& e) { return sources_label(e.sources); }

// An RPZ serial must grow from one version of a zone to the next: the as-of time in seconds
// does for exports made as time goes on.
std::uint32_t zone_serial(Instant as_of) {
  if (as_of <= 0) return 1;
  if (as_of > std::numeric_limits<std::uint32_t>::max()) return std::numeric_limits<std::uint32_t>::max();
  return static_cast<std::uint32_t>(as_of);
}

// Text that may sit inside a quoted TXT string inside a single-quoted unbound value.
std::string txt_safe(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\' || c == '\'' || c == '\n' || c == '\r') continue;
    out += c;
  }
  return out;
}

std::string clauses_of(const DomainEntry& e) {
  std::string out;
  for (const EntrySource& s : e.sources) {
    if (s.order == nullptr) continue;
    std::string c = s.order->id + " " + s.order->prohibitions[s.prohibition].id;
    if (out.find(c) == std::string::npos) out += (out.empty() ? "" : ", ") + c;
  }
  return out;
}

}  // namespace

std::string render_rpz(const DomainSelection& sel, std::vector<std::string>& /*notes*/) {
  std::string out = header("rpz", ";", sel.options, sel.activities, sel.exported, sel.excluded);
  out +=
      ";\n; A response policy zone (RPZ): load it under any zone name. `CNAME .` answers NXDOMAIN,\n"
      "; `CNAME rpz-passthru.` leaves a name alone; `*.name` covers the names below `name` only.\n";
  out += "$TTL 300\n";
  out += "@ SOA localhost. hostmaster.localhost. " + std::to_string(zone_serial(sel.options.as_of)) +
         " 3600 600 86400 300\n";
  out += "  NS localhost.\n";
  for (const NameRules& n : by_name(sel)) {
    auto action = [](const DomainEntry& e) {
      return e.action == DomainAction::kBlock ? std::string_view("CNAME .") : std::string_view("CNAME rpz-passthru.");
    };
    // One record per owner name: an exact rule decides the name itself, a suffix rule the
    // names below it (and the name too when there is no exact rule).
    const DomainEntry* apex = n.exact != nullptr ? n.exact : n.suffix;
    out += std::string(n.name) + " " + std::string(action(*apex)) + " ; " + label(*apex) + "\n";
    if (n.suffix != nullptr) {
      out += "*." + std::string(n.name) + " " + std::string(action(*n.suffix)) + " ; " + label(*n.suffix) + "\n";
    }
  }
  return out;
}

std::string render_unbound(const DomainSelection& sel, std::vector<std::string>& notes) {
  std::string out = header("unbound", "#", sel.options, sel.activities, sel.exported, sel.excluded);
  out +=
      "#\n# unbound.conf local zones; `include:` this file. A suffix rule is a zone of type\n"
      "# always_nxdomain (the name and everything below it). A local zone always covers the names\n"
      "# below it, so an exact rule is a transparent zone holding only a TXT record: the name\n"
      "# itself answers NODATA (no address), the names below it resolve as usual. A transparent\n"
      "# zone inside a blocked one lets its names through.\n";
  out += "server:\n";
  for (const NameRules& n : by_name(sel)) {
    const std::string zone = "\"" + std::string(n.name) + ".\"";
    if (n.suffix != nullptr && n.suffix->action == DomainAction::kBlock) {
      out += "    local-zone: " + zone + " always_nxdomain  # " + label(*n.suffix) + "\n";
    } else if (n.suffix != nullptr) {
      out += "    local-zone: " + zone + " transparent  # " + label(*n.suffix) + "\n";
    }
    if (n.exact == nullptr) continue;
    if (n.exact->action == DomainAction::kPass) {
      notes.push_back("unbound: " + std::string(n.name) +
                      " is let through by an exact rule, which a local zone cannot say: it stays blocked");
      continue;
    }
    if (n.suffix == nullptr) out += "    local-zone: " + zone + " transparent  # exact: " + label(*n.exact) + "\n";
    out += "    local-data: '" + std::string(n.name) +
           ". 300 IN TXT \"blocked by interdict: " + txt_safe(clauses_of(*n.exact)) + "\"'\n";
  }
  return out;
}

std::string render_dnsmasq(const DomainSelection& sel, std::vector<std::string>& notes) {
  std::string out = header("dnsmasq", "#", sel.options, sel.activities, sel.exported, sel.excluded);
  out +=
      "#\n# dnsmasq.conf lines; `conf-file=` this file. address=/name/ answers NXDOMAIN for the name and\n"
      "# every name below it; server=/name/# sends a name below a blocked one to the usual servers\n"
      "# (the longest match wins). dnsmasq has no exact-name form of address=, so an exact rule is a\n"
      "# host-record answering 0.0.0.0 and :: for that name only.\n";
  for (const NameRules& n : by_name(sel)) {
    if (n.exact != nullptr) {
      if (n.exact->action == DomainAction::kPass) {
        notes.push_back("dnsmasq: " + std::string(n.name) +
                        " is let through by an exact rule, which dnsmasq cannot say: it stays blocked");
      } else {
        out += "# exact: " + label(*n.exact) + "\n";
        out += "host-record=" + std::string(n.name) + ",0.0.0.0,::\n";
      }
    }
    if (n.suffix != nullptr) {
      out += "# " + label(*n.suffix) + "\n";
      out += n.suffix->action == DomainAction::kBlock ? "address=/" + std::string(n.name) + "/\n"
                                                      : "server=/" + std::string(n.name) + "/#\n";
    }
  }
  return out;
}

std::string render_hosts(const DomainSelection& sel, std::vector<std::string>& notes) {
  std::string out = header("hosts", "#", sel.options, sel.activities, sel.exported, sel.excluded);
  out +=
      "#\n# A hosts file names whole hosts only: a suffix rule is written as its own name, and the names\n"
      "# below it are NOT blocked. Use rpz, unbound or dnsmasq to block them too.\n";
  std::size_t suffixes = 0;
  for (const NameRules& n : by_name(sel)) {
    // The name itself is decided by its exact rule where there is one, as in the engine.
    const DomainEntry& e = n.exact != nullptr ? *n.exact : *n.suffix;
    if (e.action != DomainAction::kBlock) continue;
    if (!e.exact) ++suffixes;
    out +=
        "0.0.0.0 " + e.name + "  # " + (e.exact ? "exact: " : "names below are not blocked here: ") + label(e) + "\n";
  }
  if (suffixes > 0) {
    notes.push_back("hosts: " + std::to_string(suffixes) +
                    " suffix rules are written as their own names only; the names below them are not blocked");
  }
  return out;
}

}  // namespace interdict
