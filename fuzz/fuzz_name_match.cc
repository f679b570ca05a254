// libFuzzer target for the orders' name matcher (src/match): the input is a name probe.
// Beyond not crashing, it checks the fast readings against ICU's: a name in valid UTF-8
// must read the same whether the ASCII, Han or Latin path takes it or ICU reads it whole
// (a trailing " •", which no fast path takes and which separates, sends it to ICU), and the
// two readings must then get the same answer: the Han path's tokens are looked up by
// ideograph in a per-thread memo, ICU's by their text. The matcher holds the bundled
// orders' kind of names, so probes meet their runs and tokens.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "match/match.h"

namespace {

const interdict::NameMatcher& matcher() {
  static const interdict::NameMatcher built = [] {
    interdict::NameMatcher m;
    const char* names[] = {"ByteDance Ltd.",
                           "字节跳动",
                           "Zijie Tiaodong",
                           "Beijing Douyin Information Service",
                           "TikTok Pte. Ltd",
                           "腾讯控股有限公司",
                           "Tencent",
                           "騰訊",
                           "WeChat",
                           "AO Kaspersky Lab",
                           "Касперский",
                           "Société Générale",
                           "Nguyễn Văn A",
                           "Müller Außenhandel",
                           "QQ",
                           "Tengxun Keji"};
    std::uint32_t target = 0;
    for (const char* name : names) {
      m.add(name, target, static_cast<std::uint8_t>(target % 2));
      ++target;
    }
    return m;
  }();
  return built;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view name(reinterpret_cast<const char*>(data), size);
  const interdict::NameMatcher& m = matcher();
  const auto hit = m.match(name);
  if (!interdict::first_invalid_utf8(name)) {
    const std::string by_icu = std::string(name) + " \u2022";
    const std::string fast = m.normalise(name);
    const std::string whole = m.normalise(by_icu);
    if (fast != whole) std::abort();  // a fast path reads this name unlike ICU
    const auto icu_hit = m.match(by_icu);
    if (hit.has_value() != icu_hit.has_value()) std::abort();  // one reading, two answers
    if (hit && (hit->rule != icu_hit->rule || hit->target != icu_hit->target || hit->exact != icu_hit->exact)) {
      std::abort();
    }
  }
  return 0;
}
