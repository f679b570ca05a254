// JsonReasons: explain()'s reasons as a JSON array, the orders' parts escaped once per
// thread (see explain_writers.h).
#include "engine/engine.h"
#include "engine/engine_impl.h"
#include "engine/explain_writers.h"

namespace interdict {

struct JsonReasons::Cache : JsonReasonCache {};

JsonReasons::JsonReasons(const OrderSet& orders) : orders_(&orders), cache_(std::make_unique<Cache>()) {}
JsonReasons::JsonReasons(JsonReasons&&) noexcept = default;
JsonReasons::~JsonReasons() = default;

void JsonReasons::append(std::string& out, const Finding& finding, const Observation& obs) {
  JsonReasonWriter w(out, *cache_);
  const OrderSet::Impl& x = *orders_->impl_;
  explain_into(ExplainContext{x.corpus, x.subjects, x.entity_subjects}, finding, obs, w);
  w.finish();
}

}  // namespace interdict
