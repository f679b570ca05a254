// Java archives (JAR, AAR, WAR, fat and shaded JARs): the classes an archive holds, told by
// its entry names (com/tencent/mm/opensdk/openapi/IWXAPI.class), and the Maven coordinates
// of every library built into it (META-INF/maven/<group>/<artifact>/pom.properties). Nested
// archives (an AAR's classes.jar, a fat JAR's lib/*.jar) are opened in memory, two levels
// deep at most. Class files are not parsed: a name is all a class prefix needs.
//
// Thread-safety: a free function; the sink is called from the calling thread.
#pragma once

#include <string_view>

#include "readers/code/code_item.h"
#include "readers/zip/zip.h"

namespace interdict {

// True when `zip` holds .class files, a classes.jar or Maven metadata.
[[nodiscard]] bool is_java_archive(const ZipArchive& zip);

// Emits a kClass item (role "class") per .class entry, with `path` the entry name, and a
// kPackage item per pom.properties (role "self" at the top level when it is the only one,
// "embedded" otherwise). Entries that cannot be read are reported as damage and skipped.
void decode_java_archive(const ZipArchive& zip, CodeSink& sink, int depth = 0);

}  // namespace interdict
