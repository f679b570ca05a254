#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "order/order.h"

namespace interdict {

// Defined in the file the build generates from orders/*.toml.
extern const OrderSource* const kBundledOrders;
extern const std::size_t kBundledOrderCount;

std::span<const OrderSource> bundled_orders() { return {kBundledOrders, kBundledOrderCount}; }

Result<std::vector<OrderSource>> read_order_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error(ErrorCategory::kNotFound, "no folder `" + dir + "`");
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") paths.push_back(entry.path());
  }
  if (ec) return Error(ErrorCategory::kIo, "cannot list `" + dir + "`: " + ec.message());
  std::sort(paths.begin(), paths.end());
  std::vector<OrderSource> out;
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error(ErrorCategory::kIo, "cannot read `" + path.string() + "`");
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back({path.string(), text.str()});
  }
  return out;
}

}  // namespace interdict
