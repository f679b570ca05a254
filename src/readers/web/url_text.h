// URLs inside text: the http(s) and protocol-relative URLs a JavaScript string carries,
// and the escapes that hide them.
//
// Thread-safety: free functions without state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "readers/web/web_emitter.h"

namespace interdict::web {

// Emits (kUrl with `role`) every http:// or https:// URL inside `content`, up to the first
// character a URL cannot hold unescaped (trailing '.', ',', ';', ':' dropped), and `content`
// itself when it is a protocol-relative "//host/..." URL. `offset` is where `content` starts.
void emit_urls(std::string_view content, std::string_view role, std::uint64_t line, std::uint64_t offset,
               WebEmitter& out);

// Undoes the escapes that hide URLs in minified and JSON-encoded text ("https:\/\/",
// "\u002F" for printable ASCII); any other escape keeps the escaped character. `out` is
// overwritten.
void unescape_js(std::string_view raw, std::string& out);

}  // namespace interdict::web
