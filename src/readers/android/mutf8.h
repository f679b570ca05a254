// MUTF-8, the "modified UTF-8" of DEX string_data (dex_format.h), to standard UTF-8.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace interdict::android {

// True when every byte is below 0x80, so the bytes are already UTF-8 and need no copy.
[[nodiscard]] bool is_ascii(std::span<const std::byte> bytes);

// Appends `bytes` (a string's MUTF-8 bytes, without the terminating 0x00) to `out` as UTF-8:
// 0xC0 0x80 becomes U+0000 and a surrogate pair one 4-byte sequence.
// Returns false, with `out` holding a partial result, on a truncated or invalid sequence, an
// overlong form other than 0xC0 0x80, a 4-byte form, or an unpaired surrogate.
[[nodiscard]] bool append_mutf8(std::span<const std::byte> bytes, std::string& out);

}  // namespace interdict::android
