// Jaro-Winkler with l and r taken for one letter, to rank the list tokens a transcription
// pattern reaches before the costly alignment (candidates.cc).
//
// Chinese, Japanese and Korean have one liquid, which their tables write with l or r as
// the syllable falls (梅尼尔 "menir" for Mayniel, アイリーン "airin" for Ilene), and the
// alignment reads l and r as one letter. Ranked by plain Jaro-Winkler, a list token whose
// liquids the pattern wrote the other way falls behind hundreds that share a short key
// and were aligned before it. Reading both through one liquid keeps the ranking's cost
// (a table lookup per letter, no copy) and its order where no liquid is involved.
//
// Thread-safety: safe from any thread (per-thread scratch).
#pragma once

#include <string_view>

namespace interdict {

// jaro_winkler(a, b) (names.h) computed as if every l of both were r; strings past 64
// bytes are cut to 64.
[[nodiscard]] double liquid_jaro_winkler(std::string_view a, std::string_view b);

}  // namespace interdict
