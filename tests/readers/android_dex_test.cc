// The DEX class inventory: generated files that Debian's dexdump accepts, the real samples
// compared with dexdump's class list, and damaged files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dex_builder.h"
#include "readers/android/android.h"
#include "readers/android_sink.h"

namespace interdict {
namespace {

using testing::android::CollectingSink;
using testing::android::run_command;
using testing::dex::build_dex;
using testing::dex::Bytes;
using testing::dex::DexSpec;
using testing::dex::wechat_dex_spec;

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("interdict_" + std::to_string(getpid()) + "_" + name)).string();
}

Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Bytes b(s.size());
  std::memcpy(b.data(), s.data(), s.size());
  return b;
}

// dexdump's "Class descriptor" lines as dotted names; `status` gets its exit status.
std::vector<std::string> dexdump_classes(const std::string& file, int* status = nullptr) {
  const std::string out = run_command("dexdump '" + file + "' 2>/dev/null", status);
  std::vector<std::string> classes;
  std::istringstream lines(out);
  std::string line;
  const std::string key = "Class descriptor  : 'L";
  while (std::getline(lines, line)) {
    const auto at = line.find(key);
    if (at == std::string::npos) continue;
    std::string name = line.substr(at + key.size());
    name = name.substr(0, name.size() - 2);  // the closing ";'"
    std::replace(name.begin(), name.end(), '/', '.');
    classes.push_back(name);
  }
  return classes;
}

std::span<const std::byte> span_of(const Bytes& b) { return {b.data(), b.size()}; }

TEST(Dex, GeneratedFileIsValidForDexdumpAndMatchesOurClassList) {
  const Bytes dex = build_dex(wechat_dex_spec());
  const std::string file = temp_path("wechat.dex");
  testing::dex::write_file(file, span_of(dex));
  int status = -1;
  const auto theirs = dexdump_classes(file, &status);
  std::filesystem::remove(file);
  ASSERT_EQ(status, 0) << "dexdump refused the generated file";
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_EQ(sink.values(CodeKind::kClass, "class"), theirs);
  EXPECT_EQ(theirs.size(), 5u);
  EXPECT_EQ(summary.classes, 5u);
  EXPECT_TRUE(sink.damages.empty());
  ASSERT_FALSE(sink.items.empty());
  EXPECT_EQ(sink.items[0].path, "classes.dex");
  EXPECT_EQ(sink.items[0].version, "");
}

TEST(Dex, EveryVersionFrom035To040IsValidForDexdump) {
  for (const char* version : {"035", "037", "038", "039", "040"}) {
    DexSpec spec = wechat_dex_spec();
    spec.version = version;
    const Bytes dex = build_dex(spec);
    const std::string file = temp_path(std::string("v") + version + ".dex");
    testing::dex::write_file(file, span_of(dex));
    int status = -1;
    const auto theirs = dexdump_classes(file, &status);
    std::filesystem::remove(file);
    EXPECT_EQ(status, 0) << version;
    CollectingSink sink;
    (void)decode_dex(span_of(dex), "classes.dex", sink);
    EXPECT_EQ(sink.values(CodeKind::kClass), theirs) << version;
    EXPECT_TRUE(sink.damages.empty()) << version;
  }
}

TEST(Dex, Version041ContainerWithOneDexIsRead) {
  DexSpec spec = wechat_dex_spec();
  spec.version = "041";
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(build_dex(spec)), "classes.dex", sink);
  EXPECT_EQ(summary.classes, 5u);
  EXPECT_EQ(summary.urls, 2u);
  EXPECT_TRUE(sink.damages.empty());
}

TEST(Dex, InnerClassesKeepTheDollarSign) {
  CollectingSink sink;
  (void)decode_dex(span_of(build_dex(wechat_dex_spec())), "classes.dex", sink);
  const auto classes = sink.values(CodeKind::kClass);
  EXPECT_NE(std::find(classes.begin(), classes.end(), "com.example.shop.MainActivity$Inner"), classes.end());
  EXPECT_NE(std::find(classes.begin(), classes.end(), "com.tencent.mm.opensdk.openapi.IWXAPI"), classes.end());
}

TEST(Dex, HttpAndHttpsStringsAreUrlsAndOthersAreNot) {
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(build_dex(wechat_dex_spec())), "classes2.dex", sink);
  EXPECT_EQ(sink.values(CodeKind::kUrl, "string"),
            (std::vector<std::string>{"http://example.com/", "https://open.weixin.qq.com/connect/oauth2"}));
  EXPECT_EQ(summary.urls, 2u);
  for (const auto& item : sink.items) EXPECT_EQ(item.path, "classes2.dex");
}

TEST(Dex, AndroguardTestDexMatchesDexdump) {
  const std::string file = std::string(INTERDICT_SHARED_DATA) + "/apk/androguard_Test.dex";
  const Bytes dex = read_file(file);
  ASSERT_EQ(dex.size(), 552u);
  CollectingSink sink;
  (void)decode_dex(span_of(dex), "androguard_Test.dex", sink);
  EXPECT_EQ(sink.values(CodeKind::kClass), dexdump_classes(file));
  EXPECT_EQ(sink.values(CodeKind::kClass), std::vector<std::string>{"Test"});
  EXPECT_TRUE(sink.damages.empty());
}

TEST(Dex, AndroguardTestActivityClassesMatchDexdump) {
  const std::string file = temp_path("TestActivity.dex");
  int status = -1;
  (void)run_command("unzip -p '" + std::string(INTERDICT_SHARED_DATA) +
                        "/apk/androguard_TestActivity.apk' classes.dex > '" + file + "'",
                    &status);
  ASSERT_EQ(status, 0);
  const Bytes dex = read_file(file);
  const auto theirs = dexdump_classes(file);
  std::filesystem::remove(file);
  CollectingSink sink;
  const DexSummary summary = decode_dex(span_of(dex), "classes.dex", sink);
  EXPECT_EQ(theirs.size(), 340u);
  EXPECT_EQ(sink.values(CodeKind::kClass), theirs);
  EXPECT_EQ(summary.classes, 340u);
  EXPECT_TRUE(sink.damages.empty());
}

TEST(Dex, LooksLikeDexAcceptsKnownVersionsOnly) {
  const auto check = [](const char* magic) { return looks_like_dex(std::as_bytes(std::span<const char>(magic, 8))); };
  EXPECT_TRUE(check("dex\n035\0"));
  EXPECT_TRUE(check("dex\n041\0"));
  EXPECT_FALSE(check("dex\n034\0"));
  EXPECT_FALSE(check("dex\n042\0"));
  EXPECT_FALSE(check("dex\n03a\0"));
  EXPECT_FALSE(looks_like_dex(std::as_bytes(std::span<const char>("dex\n", 4))));
}

}  // namespace
}  // namespace interdict
