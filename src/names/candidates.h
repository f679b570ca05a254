// Candidate selection: which indexed forms a query's tokens and words reach.
//
// Thread-safety: reads a frozen index; per-thread scratch; safe from any thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "names/index_data.h"
#include "names/normalise.h"
#include "names/score.h"

namespace interdict {

// The postings key of a list token whose sound key equals `key` (for counting how many
// names share a sound).
[[nodiscard]] std::uint64_t sound_exact_key(std::string_view key);

// The transcription key of `letters` (a pattern or a folded token): one letter per
// consonant class the alignment tells apart (B b p f v w, T t d, K k g q j, S s z c x,
// N m n, R l r), vowels and h dropped, repeats collapsed. "rodErigs" -> "RTRKS".
[[nodiscard]] std::string transcription_key(std::string_view letters);
// The transcription key with what the alignment forgives at little cost left out as well:
// l and r (a transcription drops an r before a consonant, 科萨托 for Corsato) and a g that
// Italian does not sound (gl, gn, gi before a vowel: Pagliaini, Boggioni). "pagliaini"
// -> "BN".
[[nodiscard]] std::string loose_transcription_key(std::string_view letters);
// The transcription postings keys a pattern looks up (index_data.h): list tokens whose
// transcription key is its own (`same`), whose loose key is its own, of two classes or more
// (`loose`), or whose key is a class apart (`near`: one inserted, for keys of two classes
// or more; one deleted or changed, for keys of three or more).
struct TranscriptionKeys {
  std::vector<std::uint64_t> same;
  std::vector<std::uint64_t> loose;
  std::vector<std::uint64_t> near;
  void clear() {
    same.clear();
    loose.clear();
    near.clear();
  }
};
void transcription_query_keys(std::string_view pattern, PatternSource source, TranscriptionKeys& out);

// Forms worth scoring for every weighed reading of a query (each token looked up by its
// kind: a pattern by its transcription keys, any other token by its spelling keys) and,
// when not empty, its words' sounds; each form once, at most 400 by spelling, 400 by
// transcription (forms holding a token some pattern pairs with) and 400 by sound.
// A pattern's similarities with strong list tokens go to `memo`, when not null, at the slot
// of (&pattern token, kWholeWay), the values score_form asks for there.
// REQUIRES: `d` frozen.
[[nodiscard]] std::vector<std::uint32_t> pick_candidates(const NameIndex::Data& d,
                                                         std::span<const std::vector<QueryToken>* const> readings,
                                                         const std::vector<QuerySound>& sounds,
                                                         PairMemo* memo = nullptr);

}  // namespace interdict
