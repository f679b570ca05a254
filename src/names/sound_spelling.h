// A list name's tokens as its letters sound where the spelling fold (fold_spelling) loses
// what Chinese and Japanese transcriptions write: English th is their s (史密斯, スミス
// Smith), Portuguese and French ç their s (达格拉萨 da Graça) and Turkish ç their ch
// (チャリシュガン Çalışgan), Dutch sch s and ch (斯彻特斯 Schoeters), German ö their e
// (オーベック Auböck), French oé two vowels (赫洛 Khloé), Czech ř rzh (イジナ Jiřina).
// The fold reads them t, k, sh, o, u and r on both sides, as Latin spellings of one name
// meet; a transcription pattern is compared with the token and with this spelling, the
// better (score.h, pattern_similarity), and reaches it by its keys too.
//
// Thread-safety: as normalise_name.
#pragma once

#include <string>
#include <string_view>

#include "names/names.h"

namespace interdict {

// The first reading of `name` (as normalise_name gives it) with those letters respelled,
// their sounds kept by marks the fold does not read; empty when `name` holds none of them
// or holds a digit (a mark is a digit). Its tokens are normalise_name's, one for one, and
// may be joined as the index joins that reading's (surname particles); sounded_token reads
// each.
[[nodiscard]] NameTokens sound_reading(std::string_view name);

// `respelled`, a token of sound_reading (or tokens of it joined), with its marks read as
// letters; "" when that is `token`, the token the fold made of the same letters.
[[nodiscard]] std::string sounded_token(std::string_view respelled, std::string_view token);

}  // namespace interdict
