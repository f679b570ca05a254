// Sanctions list readers through their dispatch: the first byte picks the format (0 sniffs),
// the rest is the list. For OFAC sets, 0xFF bytes split the input into the primary, address,
// alias and comments files, so the join by ent_num is fuzzed too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "readers/lists/lists.h"

namespace {

class Discard : public interdict::ListSink {
 public:
  void entity(const interdict::ListEntity&) override {}
  void damage(const interdict::ListDamage&) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto format = static_cast<interdict::ListFormat>(data[0] % 6);
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  Discard sink;
  if (format != interdict::ListFormat::kOfacSdn) {
    (void)interdict::decode_list(format, "fuzz", bytes, sink);
    return 0;
  }
  std::string_view parts[4];
  std::string_view rest = bytes;
  for (int i = 0; i < 4; ++i) {
    const std::size_t cut = i == 3 ? std::string_view::npos : rest.find('\xFF');
    parts[i] = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
  }
  const interdict::OfacFiles files{"sdn.csv", parts[0], "add.csv",          parts[1],
                                   "alt.csv", parts[2], "sdn_comments.csv", parts[3]};
  (void)interdict::decode_ofac_csv("ofac-sdn", files, sink);
  return 0;
}
