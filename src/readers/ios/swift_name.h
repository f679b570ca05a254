// Swift class names as the Objective-C runtime sees them ("_TtC17TikTokOpenSDKCore6Opener")
// turned back into "TikTokOpenSDKCore.Opener".
//
// Thread-safety: a pure function.
#pragma once

#include <string>
#include <string_view>

namespace interdict::ios {

// Demangles the simple class forms: "_TtC" <module> <name> and nested classes "_TtCC"
// <module> <outer> <name> (one 'C' per level), each part a decimal length and that many
// characters, the module "s" standing for "Swift". Returns false, leaving `out` alone, for
// anything else (generic, private or struct-nested names, bad lengths, trailing bytes).
[[nodiscard]] bool demangle_swift_class(std::string_view mangled, std::string& out, std::string_view& module);

}  // namespace interdict::ios
