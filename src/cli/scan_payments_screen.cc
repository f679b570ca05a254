// PartyScreen: payment names against the orders' and the lists' name indexes, each once
// (scan_payments_screen.h).
#include "cli/scan_payments_screen.h"

#include <algorithm>
#include <utility>

#include "cli/screen_orders.h"

namespace interdict::cli {
namespace {

// Distinct names kept per index before the cache starts afresh: bounds memory on a file
// where every name is new, and is far above what real payment files repeat.
constexpr std::size_t kMaxCachedNames = 1u << 20;

// The most list entries reported for one name.
constexpr std::size_t kListHitsPerName = 3;
// Hits asked of the orders' index: a name may match a company and the service it runs.
constexpr std::size_t kOrderHitsPerName = 4;

// The hints as a key prefix: they change the scores, so they are part of the key.
void hints_key(std::string& key, const SearchHints& hints) {
  key.assign(1, static_cast<char>('0' + static_cast<int>(hints.kind)));
  key += hints.country;
  key += '\x1f';
}

}  // namespace

PartyScreen::PartyScreen(const Corpus& corpus) {
  NameEntry entry;
  entry.kind = EntityKind::kOrganization;  // orders designate companies and their services
  for (const Entity& e : corpus.entities) {
    entry.id = e.id;
    entry.countries.clear();
    if (!e.country.empty()) entry.countries.push_back(e.country);
    entry.names.assign(1, e.name);
    entry.names.insert(entry.names.end(), e.aliases.begin(), e.aliases.end());
    orders_.add(entry);
    entries_.push_back(OrderEntry{true, e.id});
  }
  for (const Subject& s : corpus.subjects) {
    entry.id = s.id;
    entry.countries.clear();
    const Entity* owner = s.owner.empty() ? nullptr : corpus.find_entity(s.owner);
    if (owner != nullptr && !owner->country.empty()) entry.countries.push_back(owner->country);
    // The subject's name and aliases are among its `name` identifiers (order.h).
    entry.names.assign(1, s.name);
    for (const Identifier& id : s.identifiers) {
      if (id.kind == IdentifierKind::kName) entry.names.push_back(id.value);
    }
    orders_.add(entry);
    entries_.push_back(OrderEntry{false, s.id});
  }
  orders_.freeze();
}

void PartyScreen::trim() {
  for (Cache* cache : {&orders_cache_, &lists_cache_}) {
    // by_text counts too: many spellings of one form add keys, not answers.
    if (cache->answers.size() + cache->by_text.size() < 2 * kMaxCachedNames) continue;
    cache->by_text.clear();
    cache->by_form.clear();
    cache->answers.clear();
  }
}

const ScreenAnswer& PartyScreen::against_orders(std::string_view name, const SearchHints& hints) {
  return screen(orders_, orders_cache_, name, hints, true);
}

const ScreenAnswer& PartyScreen::against_lists(std::string_view name, const SearchHints& hints) {
  return screen(*lists_, lists_cache_, name, hints, false);
}

const ScreenAnswer& PartyScreen::screen(const NameIndex& index, Cache& cache, std::string_view name,
                                        const SearchHints& hints, bool orders) {
  hints_key(key_, hints);
  key_ += name;
  if (auto it = cache.by_text.find(key_); it != cache.by_text.end()) {
    ++cached_;
    return cache.answers[it->second];
  }
  std::string text_key = key_;
  // The same name written differently ("TENCENT HOLDINGS LTD", "Tencent Holdings Ltd.")
  // has one normalised form: it is searched once.
  const std::vector<NameTokens> readings = normalise_name(name);
  hints_key(key_, hints);
  if (!readings.empty()) {
    for (const std::string& token : readings.front()) {
      key_ += token;
      key_ += ' ';
    }
  }
  // A name with letters outside ASCII may also be compared by sound (Cyrillic "Тенсент"
  // and Latin "Tensent" share a form but not a score): it shares no answer by form.
  if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    key_ += '\x01';
    key_ += name;
  }
  if (auto it = cache.by_form.find(key_); it != cache.by_form.end()) {
    ++cached_;
    cache.by_text.emplace(std::move(text_key), it->second);
    return cache.answers[it->second];
  }
  const auto slot = static_cast<std::uint32_t>(cache.answers.size());
  ScreenAnswer& answer = cache.answers.emplace_back();
  if (!readings.empty()) {
    ++searched_;
    answer.hits = index.search(name, hints, orders ? kOrderHitsPerName : kListHitsPerName + 2);
    if (orders) {
      // Every match; a review hit only when nothing matches, since a weaker hit beside a
      // match is the same name resembling another company.
      const bool matched = !answer.hits.empty() && answer.hits.front().verdict == NameVerdict::kMatch;
      std::erase_if(answer.hits, [matched](const NameHit& h) { return matched && h.verdict != NameVerdict::kMatch; });
      if (!matched && answer.hits.size() > 1) answer.hits.resize(1);
    } else {
      std::erase_if(answer.hits, [](const NameHit& h) { return h.id.starts_with(kOrderIdPrefix); });
      if (answer.hits.size() > kListHitsPerName) answer.hits.resize(kListHitsPerName);
    }
  }
  cache.by_form.emplace(key_, slot);
  cache.by_text.emplace(std::move(text_key), slot);
  return answer;
}

}  // namespace interdict::cli
