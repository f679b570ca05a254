// CocoaPods Podfile.lock and SwiftPM Package.resolved (v1 and v2/v3): the WeChat and
// TikTok iOS SDKs, subspecs, repository URLs, and damaged entries.
#include <gtest/gtest.h>

#include <string>

#include "match/match.h"
#include "sbom_collector.h"

namespace interdict {
namespace {

using testing_manifest::Collector;
using testing_manifest::read;

constexpr std::string_view kPodfileLock = R"lock(PODS:
  - TikTokOpenSDK (5.0.0):
    - TikTokOpenSDK/Core (= 5.0.0)
  - TikTokOpenSDK/Core (5.0.0)
  - WechatOpenSDK (1.8.7.1)
  - "GoogleUtilities/NSData+zlib (7.5.2)"
  - BrokenPod
  not a list item
  - TikTokOpenSDKCore (2.2.0)

DEPENDENCIES:
  - TikTokOpenSDK (~> 5.0)
  - WechatOpenSDK

SPEC REPOS:
  trunk:
    - TikTokOpenSDK
    - WechatOpenSDK

SPEC CHECKSUMS:
  WechatOpenSDK: 1234

PODFILE CHECKSUM: abcd

COCOAPODS: 1.12.1
)lock";

TEST(LockfilePodfile, PodsSubspecsAndDamagedLines) {
  const Collector c = read(ManifestFormat::kPodfileLock, kPodfileLock, "ios/Podfile.lock");
  EXPECT_EQ(c.values(), (std::vector<std::string>{
                            "pkg:cocoapods/TikTokOpenSDK@5.0.0", "pkg:cocoapods/TikTokOpenSDK@5.0.0#Core",
                            "pkg:cocoapods/WechatOpenSDK@1.8.7.1", "pkg:cocoapods/GoogleUtilities@7.5.2#NSData%2Bzlib",
                            "pkg:cocoapods/TikTokOpenSDKCore@2.2.0"}));
  EXPECT_EQ(c.items[0].line, 2u);
  EXPECT_EQ(c.items[1].line, 4u);
  EXPECT_EQ(c.items[1].component, "TikTokOpenSDK/Core");
  EXPECT_EQ(c.items[2].version, "1.8.7.1");
  EXPECT_EQ(c.items[2].path, "ios/Podfile.lock");
  ASSERT_EQ(c.damages.size(), 2u);
  EXPECT_EQ(c.damages[0].line, 7u);
  EXPECT_EQ(c.damages[0].reason, "pod `BrokenPod` is not `Name (version)`");
  EXPECT_EQ(c.damages[1].line, 8u);
  EXPECT_EQ(c.damages[1].reason, "line in PODS is not a `- ` list item");
}

TEST(LockfilePodfile, PodsMatchTheOrdersPatterns) {
  PackageMatcher matcher;
  matcher.add("pkg:cocoapods/WechatOpenSDK", 1);
  matcher.add("pkg:cocoapods/TikTokOpenSDKCore", 2);
  matcher.add("pkg:cocoapods/TikTokOpenSDK", 3);
  const Collector c = read(ManifestFormat::kPodfileLock, kPodfileLock);
  std::vector<std::uint32_t> hits;
  for (const auto& item : c.items) {
    const auto hit = matcher.match(item.value);
    hits.push_back(hit ? hit->target : 0);
  }
  EXPECT_EQ(hits, (std::vector<std::uint32_t>{3, 3, 1, 0, 2}));
}

TEST(LockfileSwift, Version1Pins) {
  const std::string text = R"({
  "object": {
    "pins": [
      {
        "package": "TikTokOpenSDK",
        "repositoryURL": "https://github.com/tiktok/tiktok-opensdk-ios.git",
        "state": {"branch": null, "revision": "abc", "version": "2.2.0"}
      },
      {
        "package": "Alamofire",
        "repositoryURL": "git@github.com:Alamofire/Alamofire.git",
        "state": {"branch": "main", "revision": "def", "version": null}
      }
    ]
  },
  "version": 1
})";
  const Collector c = read(ManifestFormat::kSwiftResolved, text);
  EXPECT_TRUE(c.damages.empty());
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:swift/github.com/tiktok/tiktok-opensdk-ios@2.2.0",
                                                  "https://github.com/tiktok/tiktok-opensdk-ios.git",
                                                  "pkg:swift/github.com/Alamofire/Alamofire",
                                                  "git@github.com:Alamofire/Alamofire.git"}));
  EXPECT_EQ(c.items[0].component, "TikTokOpenSDK");
  EXPECT_EQ(c.items[0].line, 4u);
  EXPECT_EQ(c.items[1].kind, CodeKind::kUrl);
  EXPECT_EQ(c.items[1].role, "repository");
}

TEST(LockfileSwift, Version2PinsAndDamagedOnes) {
  const std::string text = R"({
  "originHash" : "x",
  "pins" : [
    {
      "identity" : "wechatopensdk",
      "kind" : "remoteSourceControl",
      "location" : "https://github.com/example/WechatOpenSDK-SPM",
      "state" : { "revision" : "1", "version" : "2.0.4" }
    },
    "not a pin",
    { "identity" : "local", "kind" : "localSourceControl", "location" : "nohost", "state" : { "revision" : "2" } },
    { "kind" : "remoteSourceControl" }
  ],
  "version" : 3
})";
  const Collector c = read(ManifestFormat::kSwiftResolved, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:swift/github.com/example/WechatOpenSDK-SPM@2.0.4",
                                                  "https://github.com/example/WechatOpenSDK-SPM", "pkg:swift/local"}));
  std::vector<std::string> reasons;
  for (const auto& d : c.damages) reasons.push_back(d.reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{"pin is not an object", "repository url `nohost` has no host and path",
                                               "pin without identity or repository url"}));
  EXPECT_EQ(c.damages[0].line, 10u);
}

TEST(LockfileSwift, TruncatedIsFatalAfterThePinsBefore) {
  const std::string text = R"({"pins":[{"identity":"a","location":"https://github.com/o/a","state":{"version":"1"}},
{"identity":"b","location":"https://github.com/o/b")";
  const Collector c = read(ManifestFormat::kSwiftResolved, text);
  EXPECT_EQ(c.values(), (std::vector<std::string>{"pkg:swift/github.com/o/a@1", "https://github.com/o/a"}));
  ASSERT_EQ(c.damages.size(), 1u);
  EXPECT_TRUE(c.damages[0].fatal);
}

}  // namespace
}  // namespace interdict
