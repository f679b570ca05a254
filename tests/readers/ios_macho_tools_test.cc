// Mach-O built by real tools: clang compiles Objective-C for iOS (arm64 and 32-bit armv7),
// llvm-lipo makes a universal file, ld64.lld links an app against a framework. Each test is
// skipped where its tools are not installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "readers/ios/ios.h"
#include "readers/ios_helpers.h"

namespace interdict::testing {
namespace {

const char* const kSdkSource = R"(__attribute__((objc_root_class)) @interface WXApi
+ (int)registerApp;
@end
@implementation WXApi
+ (int)registerApp { return 1; }
@end
__attribute__((objc_root_class)) @interface WXApiObject
@end
@implementation WXApiObject
@end
)";

const char* const kAppSource = R"(__attribute__((objc_root_class)) @interface WXApi
+ (int)registerApp;
@end
__attribute__((objc_root_class)) @interface AppDelegate
@end
@implementation AppDelegate
@end
int main(void) { return [WXApi registerApp]; }
)";

// Runs `command` in a fresh directory holding sdk.m and app.m; false when it fails (the
// tool is missing or too old), which skips the test.
class ToolBuild {
 public:
  explicit ToolBuild(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() / ("interdict_macho_" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "WechatOpenSDK.framework");
    std::ofstream(dir_ / "sdk.m") << kSdkSource;
    std::ofstream(dir_ / "app.m") << kAppSource;
  }
  ~ToolBuild() { std::filesystem::remove_all(dir_); }
  bool run(const std::string& command) {
    std::string out;
    return run_command("cd " + dir_.string() + " && PATH=$PATH:/usr/lib/llvm-14/bin && (" + command + ") 2>&1", out);
  }
  std::string read(const std::string& file) const {
    std::ifstream in(dir_ / file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

 private:
  std::filesystem::path dir_;
};

CollectingSink scan(const std::string& bytes) {
  CollectingSink sink;
  decode_macho(as_bytes(bytes), "bin", sink);
  return sink;
}

TEST(IosMachoTools, ClangArm64ObjectHasItsClassNames) {
  ToolBuild build("arm64");
  if (!build.run("clang -target arm64-apple-ios12.0 -c sdk.m -o sdk.o")) GTEST_SKIP() << "clang for ios absent";
  CollectingSink sink = scan(build.read("sdk.o"));
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kClass, "objc-class"), (std::vector<std::string>{"WXApi", "WXApiObject"}));
}

TEST(IosMachoTools, ClangArmv7ObjectIsRead) {
  ToolBuild build("armv7");
  if (!build.run("clang -target armv7-apple-ios9.0 -c sdk.m -o sdk.o")) GTEST_SKIP() << "clang for armv7 absent";
  CollectingSink sink = scan(build.read("sdk.o"));
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kClass, "objc-class"), (std::vector<std::string>{"WXApi", "WXApiObject"}));
}

TEST(IosMachoTools, LipoUniversalObjectGivesEachClassOnce) {
  ToolBuild build("lipo");
  if (!build.run("clang -target arm64-apple-ios12.0 -c sdk.m -o a.o && "
                 "clang -target x86_64-apple-ios12.0-simulator -c sdk.m -o x.o && "
                 "llvm-lipo -create a.o x.o -output fat.o")) {
    GTEST_SKIP() << "clang or llvm-lipo absent";
  }
  const std::string fat = build.read("fat.o");
  ASSERT_TRUE(looks_like_macho(as_bytes(fat)));
  CollectingSink sink = scan(fat);
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kClass), (std::vector<std::string>{"WXApi", "WXApiObject"}));
}

TEST(IosMachoTools, LinkedAppLinksTheFrameworkAndImportsItsClass) {
  ToolBuild build("ld64");
  const std::string ld = "ld64.lld-14 -arch arm64 -platform_version ios 12.0 12.0 -undefined dynamic_lookup ";
  if (!build.run("clang -target arm64-apple-ios12.0 -c sdk.m -o sdk.o && "
                 "clang -target arm64-apple-ios12.0 -c app.m -o app.o && " +
                 ld + "-dylib -install_name @rpath/WechatOpenSDK.framework/WechatOpenSDK sdk.o " +
                 "-o WechatOpenSDK.framework/WechatOpenSDK && " + ld +
                 "-execute -e _main app.o WechatOpenSDK.framework/WechatOpenSDK -o App")) {
    GTEST_SKIP() << "clang or ld64.lld absent";
  }
  CollectingSink app = scan(build.read("App"));
  EXPECT_TRUE(app.damages.empty());
  EXPECT_EQ(app.values(CodeKind::kFramework, "links"), std::vector<std::string>{"WechatOpenSDK"});
  EXPECT_EQ(app.values(CodeKind::kClass, "objc-import"), std::vector<std::string>{"WXApi"});
  EXPECT_EQ(app.values(CodeKind::kClass, "objc-class"), std::vector<std::string>{"AppDelegate"});
  // ld64.lld folds __objc_classname into __cstring; the exported class symbols remain.
  CollectingSink sdk = scan(build.read("WechatOpenSDK.framework/WechatOpenSDK"));
  EXPECT_EQ(sdk.values(CodeKind::kClass, "objc-class"), (std::vector<std::string>{"WXApi", "WXApiObject"}));
}

}  // namespace
}  // namespace interdict::testing
