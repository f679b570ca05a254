// `interdict scan`: placeholder until the store reader lands.
#include "cli/common.h"

namespace interdict::cli {
void register_scan(CLI::App&, GlobalOptions&, Runner&) {}
}  // namespace interdict::cli
