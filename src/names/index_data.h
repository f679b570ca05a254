// The flat arrays behind a NameIndex, shared by building, searching and the file format.
//
// Every record is plain data with no pointers, so save() writes each array as it is and
// load() maps the file and uses the arrays where they lie; strings live in one blob and
// are (offset, length).
// Thread-safety: written only while building or loading, read-only afterwards.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "names/names.h"

namespace interdict {

struct StrRef {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};
struct EntryRec {
  StrRef id;
  StrRef countries;  // lowercase, comma separated
  std::uint32_t first_name = 0;
  std::uint32_t name_count = 0;
  std::uint32_t kind = 0;
};
struct NameRec {
  StrRef text;
  std::uint32_t entry = 0;
};
// One reading of one name (see normalise_name).
struct FormRec {
  std::uint32_t name = 0;
  std::uint32_t first_token = 0;
  std::uint32_t token_count = 0;
  float weight_sum = 0;
  std::uint32_t joined = 0;  // 1: the strong tokens joined into one (normalise_name's second reading)
};
struct TokenRec {
  StrRef text;
  float weight = 0;  // IDF, times the weak factor for a weak token
  std::uint32_t weak = 0;
  StrRef sound;  // sound_key(text) (phonetic.h), made once so a search does not
  // The token as its name's letters sound where the fold lost what transcriptions write
  // (sound_spelling.h: Smith "smis"), empty for most; a pattern pairs with the better.
  StrRef sounded;
};

// Token rarity: ln(1 + forms / df). A weak token counts this much of it.
inline constexpr float kWeakFactor = 0.1F;

// The read side is views: into `building` once frozen, or into the file itself when
// loaded (mapped, checked once, never copied), so screening starts in milliseconds.
struct NameIndex::Data {
  std::string_view blob;
  std::span<const EntryRec> entries;
  std::span<const NameRec> names;
  std::span<const FormRec> forms;
  std::span<const std::uint32_t> form_tokens;  // token ids, FormRec::first_token..+token_count
  std::span<const TokenRec> tokens;
  // Postings: keys (hashes, sorted) -> forms key_offsets[k]..key_offsets[k+1] in postings.
  std::span<const std::uint64_t> keys;
  std::span<const std::uint32_t> key_offsets;
  std::span<const std::uint32_t> postings;
  // Transcription postings, by token: keys (hashes, sorted) -> token ids
  // token_key_offsets[k]..[k+1] in token_postings; and each token's forms, token t's
  // token_form_offsets[t]..[t+1] in token_forms (token readings where it is strong).
  std::span<const std::uint64_t> token_keys;
  std::span<const std::uint32_t> token_key_offsets;
  std::span<const std::uint32_t> token_postings;
  std::span<const std::uint32_t> token_form_offsets;
  std::span<const std::uint32_t> token_forms;
  Thresholds thresholds;
  bool frozen = false;

  // What add() and freeze() write; the views above point here once frozen.
  struct Building {
    std::string blob;
    std::vector<EntryRec> entries;
    std::vector<NameRec> names;
    std::vector<FormRec> forms;
    std::vector<std::uint32_t> form_tokens;
    std::vector<TokenRec> tokens;
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> key_offsets;
    std::vector<std::uint32_t> postings;
    std::vector<std::uint64_t> token_keys;
    std::vector<std::uint32_t> token_key_offsets;
    std::vector<std::uint32_t> token_postings;
    std::vector<std::uint32_t> token_form_offsets;
    std::vector<std::uint32_t> token_forms;
    std::unordered_map<std::string, std::uint32_t> token_ids;
  };
  Building building;
  // The bytes a loaded index views: the mapped file or a decoded copy; released last.
  std::shared_ptr<const void> storage;

  [[nodiscard]] std::string_view str(StrRef r) const { return blob.substr(r.offset, r.length); }
  StrRef intern(std::string_view s) {
    StrRef r{static_cast<std::uint32_t>(building.blob.size()), static_cast<std::uint32_t>(s.size())};
    building.blob.append(s);
    return r;
  }
  // Points the views at `building` (after add(), and again after freeze() adds postings).
  void view_building() {
    blob = building.blob;
    entries = building.entries;
    names = building.names;
    forms = building.forms;
    form_tokens = building.form_tokens;
    tokens = building.tokens;
    keys = building.keys;
    key_offsets = building.key_offsets;
    postings = building.postings;
    token_keys = building.token_keys;
    token_key_offsets = building.token_key_offsets;
    token_postings = building.token_postings;
    token_form_offsets = building.token_form_offsets;
    token_forms = building.token_forms;
  }
};

// The postings keys of a token: itself, its 4-letter prefix, its consonant key. Appends
// the key hashes to `out` (with duplicates removed for that token).
void token_keys(std::string_view token, std::vector<std::uint64_t>& out);
// The postings keys of a list token's sound key (phonetic.h): itself and its one-deletion
// variants, tagged apart.
void sound_keys(std::string_view key, std::vector<std::uint64_t>& out);
// The transcription postings keys of a strong list token of a token reading, for
// transcription patterns to reach (transcription_keys.cc; posted by token, not by form): its transcription key
// (consonant classes, liquids as one, vowels and h dropped), from three classes up each key with one class deleted, and
// its loose key (liquids and an unsounded Italian g dropped too).
void transcription_keys(std::string_view token, std::vector<std::uint64_t>& out);
// The keys a query word's sound key looks up: `exact` reaches list keys equal to it,
// `near` those one class inserted, deleted or changed.
void sound_query_keys(std::string_view key, std::vector<std::uint64_t>& exact, std::vector<std::uint64_t>& near);
// The postings of `key`, empty when absent.
[[nodiscard]] std::pair<const std::uint32_t*, const std::uint32_t*> postings_of(const NameIndex::Data& d,
                                                                                std::uint64_t key);
// The tokens posted under transcription key `key`, empty when absent.
[[nodiscard]] std::pair<const std::uint32_t*, const std::uint32_t*> tokens_of(const NameIndex::Data& d,
                                                                              std::uint64_t key);
// The exact-token key (the first token_keys gives), for document frequency.
[[nodiscard]] std::uint64_t exact_key(std::string_view token);

}  // namespace interdict
