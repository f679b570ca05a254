// Internal to src/order: the second pass of load_orders (loader.cc), in validate.cc.
#pragma once

#include "order/order.h"

namespace interdict {

// Checks what is wrong between the tables and files of `report.corpus`, all parsed, adding
// errors and warnings to `report`, and links each prohibition to its events in time order.
void validate_corpus(LoadReport& report);

}  // namespace interdict
