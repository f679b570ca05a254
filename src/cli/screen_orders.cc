// The orders' names for the matcher, and the orders' word on a hit (screen_orders.h).
#include "cli/screen_orders.h"

#include <algorithm>
#include <set>

namespace interdict::cli {
namespace {

// Ownership chains in the orders are a few levels deep; the bound only stops a cycle that
// validation let through from looping.
constexpr int kMaxOwnershipDepth = 16;

// True when entity `child` is `ancestor` or held by it through parents, within the bound.
bool owned_by(const Corpus& corpus, std::string_view child, std::string_view ancestor, int depth) {
  if (child == ancestor) return true;
  if (depth >= kMaxOwnershipDepth) return false;
  const Entity* e = corpus.find_entity(child);
  if (e == nullptr) return false;
  return std::any_of(e->parents.begin(), e->parents.end(),
                     [&](const EntityParent& p) { return owned_by(corpus, p.id, ancestor, depth + 1); });
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

std::size_t add_order_entries(const Corpus& corpus, NameIndex& index) {
  std::size_t added = 0;
  NameEntry entry;
  for (const Entity& e : corpus.entities) {
    entry.id = std::string(kOrderIdPrefix) + e.id;
    entry.kind = EntityKind::kOrganization;
    entry.countries.clear();
    if (!e.country.empty()) entry.countries.push_back(e.country);
    entry.names.assign(1, e.name);
    entry.names.insert(entry.names.end(), e.aliases.begin(), e.aliases.end());
    index.add(entry);
    ++added;
  }
  for (const Subject& s : corpus.subjects) {
    entry.id = std::string(kOrderIdPrefix) + s.id;
    entry.kind = EntityKind::kOrganization;
    entry.countries.clear();
    const Entity* owner = s.owner.empty() ? nullptr : corpus.find_entity(s.owner);
    if (owner != nullptr && !owner->country.empty()) entry.countries.push_back(owner->country);
    entry.names.assign(1, s.name);
    entry.names.insert(entry.names.end(), s.aliases.begin(), s.aliases.end());
    index.add(entry);
    ++added;
  }
  return added;
}

OrderNote order_note(const Corpus& corpus, std::string_view entry_id, Instant now) {
  OrderNote note;
  if (!entry_id.starts_with(kOrderIdPrefix)) return note;
  const std::string_view id = entry_id.substr(kOrderIdPrefix.size());
  // The subjects the entry stands for: itself, or every subject an entity (or a company
  // under it) owns; orders name subjects, not companies.
  std::set<std::string, std::less<>> subjects;
  if (corpus.find_subject(id) != nullptr) subjects.emplace(id);
  if (corpus.find_entity(id) != nullptr) {
    for (const Subject& s : corpus.subjects) {
      if (!s.owner.empty() && owned_by(corpus, s.owner, id, 0)) subjects.insert(s.id);
    }
  }
  if (subjects.empty()) return note;
  const auto names_one = [&](const std::vector<std::string>& ids) {
    return std::any_of(ids.begin(), ids.end(), [&](const std::string& s) { return subjects.contains(s); });
  };
  const ActivitySet payment = activity_bit(Activity::kPayment);
  for (const Order& o : corpus.orders) {
    bool named = names_one(o.designates);
    for (std::size_t i = 0; i < o.prohibitions.size(); ++i) {
      const Prohibition& p = o.prohibitions[i];
      if (!names_one(p.subjects)) continue;
      named = true;
      if ((p.activities & payment) == 0) continue;
      const StateAt s = state_at(o, i, now, kEndOfTime);
      note.payment.push_back(o.id + "/" + p.id + " (" + std::string(state_name(s.state)) + ")");
    }
    if (named && !contains(note.orders, o.id)) note.orders.push_back(o.id);
  }
  return note;
}

}  // namespace interdict::cli
