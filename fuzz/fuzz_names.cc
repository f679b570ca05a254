// libFuzzer target for the name matcher: the bytes after the first are a query in UTF-8
// (first byte even: normalised, then searched in a small index) or an index file (odd:
// decoded, and searched when it loads).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "names/names.h"

namespace {

const interdict::NameIndex& small_index() {
  static const interdict::NameIndex index = [] {
    interdict::NameIndex built;
    built.add(
        {"tencent", interdict::EntityKind::kOrganization, {"CN"}, {"Tencent Holdings Limited", "腾讯控股有限公司"}});
    built.add({"bytedance", interdict::EntityKind::kOrganization, {"KY"}, {"ByteDance Ltd.", "字节跳动"}});
    built.add({"putin", interdict::EntityKind::kPerson, {"RU"}, {"PUTIN, Vladimir Vladimirovich", "Владимир Путин"}});
    built.freeze();
    return built;
  }();
  return index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  if ((data[0] & 1) == 0) {
    (void)interdict::normalise_name(rest);
    (void)small_index().search(rest, {interdict::EntityKind::kPerson, "ru"}, 5);
  } else {
    auto loaded = interdict::NameIndex::decode(rest);
    if (loaded) {
      (void)loaded->search("Tencent Putin", {}, 5);
      (void)loaded->search("科萨托", {}, 5);  // a transcription pattern reads the token postings
    }
  }
  return 0;
}
