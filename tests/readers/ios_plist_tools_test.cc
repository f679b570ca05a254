// Binary property lists checked against Python's plistlib, both ways: what our test
// builder writes plistlib reads, and what plistlib writes our decoder reads. Skipped where
// python3 is not installed.
#include <gtest/gtest.h>

#include <fstream>

#include "readers/ios/plist.h"
#include "readers/ios_helpers.h"

namespace interdict::testing {
namespace {

using ios::Plist;

TEST(IosPlistTools, BinaryBuilderOutputIsReadByPythonPlistlib) {
  std::string out;
  if (!run_command("python3 -c 'import plistlib' 2>/dev/null", out)) GTEST_SKIP() << "python3 plistlib absent";
  const std::string file = write_temp("wechat.bplist", wechat_binary());
  out.clear();
  ASSERT_TRUE(
      run_command("python3 -c \"import plistlib,sys,json; d=plistlib.load(open(sys.argv[1],'rb')); "
                  "print(d['CFBundleIdentifier'], d['LSApplicationQueriesSchemes'], d['Build'], "
                  "[t['CFBundleURLSchemes'] for t in d['CFBundleURLTypes']])\" " +
                      file,
                  out));
  EXPECT_EQ(out, "com.example.shop ['weixin', 'weixinULAPI'] -5 [['wx1234567890abcdef'], ['shop', 'shop-auth']]\n");
}

TEST(IosPlistTools, PythonPlistlibBinaryOutputDecodes) {
  std::string out;
  if (!run_command("python3 -c 'import plistlib' 2>/dev/null", out)) GTEST_SKIP() << "python3 plistlib absent";
  const std::string file = write_temp("python.bplist", "");
  // Strings above U+FFFF and non-ASCII force UTF-16; 300 elements force a long count and
  // two-byte references; a large integer forces eight bytes.
  ASSERT_TRUE(run_command(
      "python3 -c \"import plistlib,sys; plistlib.dump({'CFBundleIdentifier': 'com.example.\\u00e9t\\U0001F600', "
      "'LSApplicationQueriesSchemes': ['s%d' % i for i in range(300)], 'Big': 2**40, 'Neg': -3, "
      "'F': 1.5, 'D': b'xyz', 'T': True}, open(sys.argv[1],'wb'), fmt=plistlib.FMT_BINARY)\" " +
          file,
      out));
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto plist = Plist::decode(as_bytes(bytes));
  ASSERT_TRUE(plist) << plist.error().to_string();
  EXPECT_EQ(plist->find_string(plist->root(), "CFBundleIdentifier"), "com.example.\xC3\xA9t\xF0\x9F\x98\x80");
  const auto* schemes = plist->find(plist->root(), "LSApplicationQueriesSchemes");
  ASSERT_NE(schemes, nullptr);
  ASSERT_EQ(schemes->items.size(), 300u);
  EXPECT_EQ(plist->node(schemes->items[299]).text, "s299");
  EXPECT_EQ(plist->find(plist->root(), "Big")->integer, std::int64_t{1} << 40);
  EXPECT_EQ(plist->find(plist->root(), "Neg")->integer, -3);
  EXPECT_EQ(plist->find(plist->root(), "F")->real, 1.5);
  EXPECT_EQ(plist->find(plist->root(), "D")->text, "xyz");
  EXPECT_TRUE(plist->find(plist->root(), "T")->boolean);
  EXPECT_TRUE(plist->damage().empty());
}

}  // namespace
}  // namespace interdict::testing
