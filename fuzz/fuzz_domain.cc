// DomainMatcher against a brute-force reference: the input's lines up to the first empty
// one are rules ("=name" an exact rule), the rest are probes. Halfway through the probes
// the first probe is added as a rule too, so the table is built a second time after
// lookups. With every rule and probe in ASCII, each answer (target, rule text, exact) must
// equal the reference's: exact rule first, then the longest suffix on a label boundary,
// ASCII case and one trailing dot ignored, the first rule for a name kept. Names with other
// bytes go through UTS #46 and are checked only for a sane answer.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match/match.h"

namespace {

using interdict::DomainMatcher;
using interdict::MatchHit;

struct Rule {
  std::string name;  // lowercase, no trailing dot
  bool exact;
  std::uint32_t target;
};

bool ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The form the matcher stores, for an ASCII name; nullopt when it cannot be a rule.
std::optional<std::string> folded(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty() || s.size() > 253) return std::nullopt;
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

void add(std::vector<Rule>& rules, std::string_view name, bool exact, std::uint32_t target) {
  const std::optional<std::string> f = folded(name);
  if (!f) return;
  for (const Rule& r : rules) {
    if (r.name == *f && r.exact == exact) return;  // the first keeps it
  }
  rules.push_back(Rule{*f, exact, target});
}

std::optional<MatchHit> reference(const std::vector<Rule>& rules, std::string_view probe) {
  const std::optional<std::string> name = folded(probe);
  if (!name) return std::nullopt;
  for (const Rule& r : rules) {
    if (r.exact && r.name == *name) return MatchHit{r.target, r.name, true};
  }
  const Rule* best = nullptr;
  for (const Rule& r : rules) {
    if (r.exact) continue;
    const bool whole = r.name == *name;
    const bool below =
        name->size() > r.name.size() && name->ends_with(r.name) && (*name)[name->size() - r.name.size() - 1] == '.';
    if ((whole || below) && (best == nullptr || r.name.size() > best->name.size())) best = &r;
  }
  if (best == nullptr) return std::nullopt;
  return MatchHit{best->target, best->name, best->name.size() == name->size()};
}

void check(const DomainMatcher& m, const std::vector<Rule>& rules, bool all_ascii, std::string_view probe) {
  const std::optional<MatchHit> got = m.match(probe);
  if (got && (got->rule.empty() || !ascii(got->rule))) std::abort();
  if (!all_ascii || !ascii(probe)) return;
  const std::optional<MatchHit> want = reference(rules, probe);
  if (got.has_value() != want.has_value()) std::abort();
  if (got && (got->target != want->target || got->rule != want->rule || got->exact != want->exact)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  DomainMatcher m;
  std::vector<Rule> rules;
  bool all_ascii = true;
  std::size_t i = 0;
  for (; i < lines.size() && !lines[i].empty(); ++i) {
    const bool exact = lines[i].front() == '=';
    const std::string_view name = exact ? lines[i].substr(1) : lines[i];
    all_ascii = all_ascii && ascii(name);
    if (m.add(name, exact, static_cast<std::uint32_t>(i)) && ascii(name))
      add(rules, name, exact, static_cast<std::uint32_t>(i));
  }
  const std::size_t first_probe = i + 1;
  for (std::size_t p = first_probe; p < lines.size(); ++p) {
    if (p == first_probe + (lines.size() - first_probe) / 2) {
      // The table is built again after lookups.
      all_ascii = all_ascii && ascii(lines[first_probe]);
      if (m.add(lines[first_probe], false, 1000000) && ascii(lines[first_probe]))
        add(rules, lines[first_probe], false, 1000000);
    }
    check(m, rules, all_ascii, lines[p]);
  }
  if (all_ascii && m.size() != rules.size()) std::abort();
  return 0;
}
