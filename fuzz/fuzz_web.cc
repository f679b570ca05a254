// libFuzzer target for the web reader: the first byte picks the file name (even: a page,
// read as HTML or JavaScript by its first character; odd: "app.js", always JavaScript); the
// rest goes to looks_like_web and decode_web. Items are dropped.
#include <cstddef>
#include <cstdint>
#include <span>

#include "code_sink_check.h"
#include "readers/web/web.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::byte> input(reinterpret_cast<const std::byte*>(data + 1), size - 1);
  const char* name = (data[0] & 1) ? "app.js" : "page";
  (void)interdict::looks_like_web(name, input);
  interdict::fuzzing::CheckingCodeSink sink;
  interdict::decode_web(input, name, sink);
  return 0;
}
