// The HTML half of the web reader: tags, their src and href attributes, and the scripts
// inside <script> elements, which it hands to a JsScanner.
//
// Thread-safety: a free function; one emitter per file.
#pragma once

#include <string_view>

#include "readers/web/web_emitter.h"

namespace interdict::web {

// Scans the HTML document `text` from its first byte, in one pass.
void scan_html(std::string_view text, WebEmitter& out);

}  // namespace interdict::web
