#include <algorithm>
#include <array>

#include "order/order.h"

namespace interdict {
namespace {

constexpr std::array<std::string_view, kActivityCount> kActivityNames = {
    "store.distribute", "store.update",    "hosting",         "cdn", "transit", "peering", "code", "payment",
    "software.supply",  "software.update", "software.resale",
};

constexpr std::array<std::string_view, kIdentifierKindCount> kIdentifierKeys = {
    "app", "domain", "domain_exact", "asn", "prefix", "package", "class", "url", "names", "scheme", "symbol",
};

constexpr std::array<std::string_view, 7> kEventKindNames = {
    "published", "effective", "delayed", "enjoined", "injunction_lifted", "suspended", "revoked",
};

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::string_view activity_name(Activity a) { return kActivityNames[static_cast<size_t>(a)]; }

std::optional<Activity> parse_activity(std::string_view name) {
  for (size_t i = 0; i < kActivityNames.size(); ++i) {
    if (kActivityNames[i] == name) return static_cast<Activity>(i);
  }
  return std::nullopt;
}

std::span<const std::string_view> activity_names() { return kActivityNames; }

std::string_view confidence_name(Confidence c) {
  switch (c) {
    case Confidence::kConfirmed: return "confirmed";
    case Confidence::kSecondary: return "secondary";
    case Confidence::kUnconfirmed: return "unconfirmed";
  }
  return "unconfirmed";
}

std::string_view identifier_key(IdentifierKind kind) { return kIdentifierKeys[static_cast<size_t>(kind)]; }

std::string_view event_kind_name(EventKind kind) { return kEventKindNames[static_cast<size_t>(kind)]; }

std::optional<EventKind> parse_event_kind(std::string_view name) {
  for (size_t i = 0; i < kEventKindNames.size(); ++i) {
    if (kEventKindNames[i] == name) return static_cast<EventKind>(i);
  }
  return std::nullopt;
}

const Prohibition* Order::find_prohibition(std::string_view id) const { return find_by_id(prohibitions, id); }
const Order* Corpus::find_order(std::string_view id) const { return find_by_id(orders, id); }
const Subject* Corpus::find_subject(std::string_view id) const { return find_by_id(subjects, id); }
const Entity* Corpus::find_entity(std::string_view id) const { return find_by_id(entities, id); }

std::string Diagnostic::to_string() const {
  std::string out;
  if (!where.empty()) out += where.to_string() + ": ";
  out += severity == Severity::kWarning ? "warning: " : "";
  out += message;
  return out;
}

}  // namespace interdict
