# Writes OUTPUT, a C++ file holding every orders/*.toml as an OrderSource, so the bundled
# orders travel inside the binary. Run with -DSOURCE_DIR=... -DOUTPUT=...
file(GLOB files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/orders/*.toml")
list(SORT files)
set(body "")
set(table "")
set(i 0)
foreach(f IN LISTS files)
  file(READ "${SOURCE_DIR}/${f}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND body "const char kFile${i}[] = {${bytes}};\n")
  string(APPEND table "  {\"${f}\", std::string(kFile${i}, sizeof kFile${i})},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from orders/*.toml by cmake/embed_orders.cmake. Do not edit.
#include \"order/order.h\"
namespace interdict {
namespace {
${body}
const OrderSource kSources[] = {
${table}};
}  // namespace
extern const OrderSource* const kBundledOrders;
extern const std::size_t kBundledOrderCount;
const OrderSource* const kBundledOrders = kSources;
const std::size_t kBundledOrderCount = sizeof kSources / sizeof kSources[0];
}  // namespace interdict
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
