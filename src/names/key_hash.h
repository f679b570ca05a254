// The postings keys' hash, shared by keys.cc and transcription_keys.cc.
#pragma once

#include <cstdint>
#include <string_view>

namespace interdict {

// FNV-1a, 64 bit, of `tag` then `s`: the tag keeps kinds of key apart (a token, its prefix,
// its consonants, its sound, its transcription). Collisions only add candidates; the scorer
// decides.
inline std::uint64_t hash_key(char tag, std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  mix(static_cast<unsigned char>(tag));
  for (char c : s) mix(static_cast<unsigned char>(c));
  return h;
}

}  // namespace interdict
