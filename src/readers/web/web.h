// Web pages and scripts as code evidence: HTML files and JavaScript files and bundles,
// read in one linear pass with line tracking (no regular expressions, no backtracking), so
// a minified bundle of one multi-megabyte line costs the same per byte as a page.
//
// Emitted, each distinct value once per file with the line and byte offset where it first
// appears:
//   kUrl "script"    <script src=...>
//   kUrl "resource"  <img src>, <iframe src>, <link href>
//   kUrl "string"    http(s) URLs inside JavaScript string and template literals, and
//                    protocol-relative "//host/path" strings
//                    ("https://analytics.tiktok.com/i18n/pixel/events.js")
//   kSymbol "global" properties of the global object (window.X, window["X"],
//                    globalThis.X, self.X), receivers of method calls (ttq.load(...)),
//                    and a string passed as the last argument of a top-level immediately
//                    invoked function (the pixel snippet's `}(window, document, 'ttq')`)
// Comments and regular expression literals yield nothing. Damage (local, never fatal):
// unterminated strings, templates, comments, tags and script elements, the first NUL
// byte and the first invalid UTF-8 sequence.
//
// Thread-safety: the functions keep no state; the sink is called from the calling thread.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "readers/code/code_item.h"

namespace interdict {

// True when `name` has a web extension (.html, .htm, .xhtml, .js, .mjs, .cjs) or `head`
// opens like an HTML document (<!doctype html, <html, <head, <body, <script).
[[nodiscard]] bool looks_like_web(std::string_view name, std::span<const std::byte> head);

// Reads one HTML or JavaScript file (JavaScript when `path` ends in .js, .mjs or .cjs, HTML
// when it ends in .html/.htm/.xhtml or the text opens with '<'). `path` names the file in
// every item and damage.
void decode_web(std::span<const std::byte> text, std::string_view path, CodeSink& sink);

}  // namespace interdict
