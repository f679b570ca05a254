#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "match/match.h"

namespace interdict {
namespace {

// ---- AsnMatcher

TEST(AsnMatcher, KnownAsnMatchesWithRuleText) {
  AsnMatcher m;
  m.add(396986, 7);
  const auto hit = m.match(396986);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 7u);
  EXPECT_EQ(hit->rule, "AS396986");
  EXPECT_TRUE(hit->exact);
}

TEST(AsnMatcher, UnknownAsnDoesNotMatch) {
  AsnMatcher m;
  m.add(396986, 7);
  EXPECT_FALSE(m.match(39698));
  EXPECT_FALSE(m.match(0));
}

TEST(AsnMatcher, FirstTargetForAnAsnKeepsIt) {
  AsnMatcher m;
  m.add(4294967295u, 1);
  m.add(4294967295u, 2);
  const auto hit = m.match(4294967295u);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "AS4294967295");
}

// ---- AppMatcher

TEST(AppMatcher, PackageNameMatchesCaseInsensitively) {
  AppMatcher m;
  m.add("com.zhiliaoapp.musically", 1);
  const auto hit = m.match("COM.ZhiliaoApp.Musically");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "com.zhiliaoapp.musically");
  EXPECT_TRUE(hit->exact);
}

TEST(AppMatcher, PackageNameIsNotAPrefixMatch) {
  AppMatcher m;
  m.add("com.tencent.mm", 1);
  EXPECT_FALSE(m.match("com.tencent.mm.debug"));
  EXPECT_FALSE(m.match("com.tencent.m"));
}

TEST(AppMatcher, StoreIdPrefixIgnored) {
  AppMatcher m;
  m.add("id835599320", 1);
  EXPECT_EQ(m.match("835599320")->rule, "835599320");
  EXPECT_TRUE(m.match("id835599320"));
  EXPECT_TRUE(m.match("ID835599320"));
  AppMatcher bare;
  bare.add("835599320", 2);
  EXPECT_TRUE(bare.match("id835599320"));
}

TEST(AppMatcher, IdPrefixKeptWhenNotFollowedByDigitsOnly) {
  AppMatcher m;
  m.add("idle.game", 1);
  m.add("id12a", 2);
  EXPECT_TRUE(m.match("idle.game"));
  EXPECT_FALSE(m.match("le.game"));
  EXPECT_TRUE(m.match("id12a"));
  EXPECT_FALSE(m.match("12a"));
  AppMatcher bare;
  bare.add("id", 3);
  EXPECT_TRUE(bare.match("ID"));
}

TEST(AppMatcher, EmptyAndOverlongIgnored) {
  AppMatcher m;
  m.add("", 1);
  m.add(std::string(300, 'a'), 2);
  EXPECT_FALSE(m.match(""));
  EXPECT_FALSE(m.match(std::string(300, 'a')));
}

// ---- PackageMatcher

TEST(PackageMatcher, ExactPurlIgnoresVersionQualifiersAndSubpath) {
  PackageMatcher m;
  m.add("pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android", 1);
  const auto hit = m.match("pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0?type=aar#classes");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "maven/com.tencent.mm.opensdk/wechat-sdk-android");
  EXPECT_TRUE(hit->exact);
}

TEST(PackageMatcher, CaseInsensitive) {
  PackageMatcher m;
  m.add("pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android", 1);
  EXPECT_TRUE(m.match("PKG:Maven/Com.Tencent.MM.opensdk/WeChat-SDK-Android@1.0"));
}

TEST(PackageMatcher, VersionInPatternIgnored) {
  PackageMatcher m;
  m.add("pkg:npm/tiktok-pixel@2.0.0", 1);
  EXPECT_TRUE(m.match("pkg:npm/tiktok-pixel@1.0.0"));
  EXPECT_TRUE(m.match("pkg:npm/tiktok-pixel"));
}

TEST(PackageMatcher, NameIsNotAPrefixMatch) {
  PackageMatcher m;
  m.add("pkg:npm/tiktok-pixel", 1);
  EXPECT_FALSE(m.match("pkg:npm/tiktok-pixel-extra"));
  EXPECT_FALSE(m.match("pkg:npm/tiktok"));
  EXPECT_FALSE(m.match("pkg:pypi/tiktok-pixel"));
}

TEST(PackageMatcher, WildcardNameWithinNamespace) {
  PackageMatcher m;
  m.add("pkg:maven/com.tiktok.open.sdk/*", 1);
  const auto hit = m.match("pkg:maven/com.tiktok.open.sdk/tiktok-open-sdk-share@2.2.0");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "maven/com.tiktok.open.sdk/*");
  EXPECT_FALSE(hit->exact);
  EXPECT_FALSE(m.match("pkg:maven/com.tiktok.open.sdkx/core"));
  EXPECT_FALSE(m.match("pkg:maven/com.tiktok.open/sdk"));
}

TEST(PackageMatcher, WildcardDoesNotCrossSlash) {
  PackageMatcher m;
  m.add("pkg:golang/github.com/*", 1);
  EXPECT_TRUE(m.match("pkg:golang/github.com/bytedance"));
  EXPECT_FALSE(m.match("pkg:golang/github.com/bytedance/sonic"));
}

TEST(PackageMatcher, WildcardInsideNamespace) {
  PackageMatcher m;
  m.add("pkg:maven/com.bytedance.*/*", 1);
  EXPECT_TRUE(m.match("pkg:maven/com.bytedance.applog/RangersAppLog-Lite-cn@6.0"));
  EXPECT_TRUE(m.match("pkg:maven/com.bytedance.sdk.openadsdk/ads"));
  EXPECT_FALSE(m.match("pkg:maven/com.bytedancex/ads"));
  EXPECT_FALSE(m.match("pkg:maven/org.com.bytedance.a/ads"));
}

TEST(PackageMatcher, WildcardBacktracks) {
  PackageMatcher m;
  m.add("pkg:npm/*-tiktok-*", 1);
  EXPECT_TRUE(m.match("pkg:npm/react-tiktok-tiktok-embed"));
  EXPECT_TRUE(m.match("pkg:npm/a-tiktok-"));
  EXPECT_FALSE(m.match("pkg:npm/react-tiktok"));
}

// A glob by its definition, recursively: '*' takes no character, or one more.
bool reference_glob(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '*')
    return reference_glob(pattern.substr(1), text) || (!text.empty() && reference_glob(pattern, text.substr(1)));
  return !text.empty() && pattern[0] == text[0] && reference_glob(pattern.substr(1), text.substr(1));
}

TEST(PackageMatcher, WildcardNamesAgreeWithTheDefinitionOnSmallAlphabets) {
  // Every pattern of up to five symbols from {a, b, *} against every name of up to five
  // letters from {a, b}: heads, tails, stars side by side, and stars that must backtrack.
  const auto all = [](std::string_view alphabet, std::size_t longest) {
    std::vector<std::string> out = {""};
    for (std::size_t begin = 0, end = 1; out.back().size() < longest; begin = end, end = out.size()) {
      for (std::size_t i = begin; i < end; ++i) {
        for (const char c : alphabet) out.push_back(out[i] + c);
      }
    }
    return out;
  };
  std::size_t compared = 0;
  for (const std::string& pattern : all("ab*", 5)) {
    if (pattern.find('*') == std::string::npos) continue;
    PackageMatcher m;
    m.add("pkg:npm/ns/x" + pattern, 1);
    for (const std::string& name : all("ab", 5)) {
      EXPECT_EQ(m.match("pkg:npm/ns/x" + name).has_value(), reference_glob(pattern, name)) << pattern << " " << name;
      ++compared;
    }
  }
  EXPECT_GT(compared, 10000u);
}

TEST(PackageMatcher, ExactBeforeWildcard) {
  PackageMatcher m;
  m.add("pkg:maven/com.tiktok.open.sdk/*", 1);
  m.add("pkg:maven/com.tiktok.open.sdk/core", 2);
  const auto hit = m.match("pkg:maven/com.tiktok.open.sdk/core@1");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 2u);
  EXPECT_TRUE(hit->exact);
}

TEST(PackageMatcher, LongerWildcardBeforeShorter) {
  PackageMatcher m;
  m.add("pkg:maven/*/*", 1);
  m.add("pkg:maven/com.tiktok.*/*", 2);
  EXPECT_EQ(m.match("pkg:maven/com.tiktok.open/core")->target, 2u);
  EXPECT_EQ(m.match("pkg:maven/org.example/core")->target, 1u);
}

TEST(PackageMatcher, NpmScopeEncodedOrNot) {
  PackageMatcher m;
  m.add("pkg:npm/%40bytedance/mona", 1);
  const auto hit = m.match("pkg:npm/@bytedance/mona@1.2.3");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule, "npm/@bytedance/mona");
  EXPECT_TRUE(m.match("pkg:npm/%40ByteDance/mona@1.2.3"));
  PackageMatcher scoped;
  scoped.add("pkg:npm/@bytedance/*", 2);
  EXPECT_TRUE(scoped.match("pkg:npm/%40bytedance/sonic@0.1"));
}

TEST(PackageMatcher, EmptyProbeDoesNotMatch) {
  PackageMatcher m;
  m.add("pkg:npm/*", 1);
  EXPECT_FALSE(m.match(""));
  EXPECT_FALSE(m.match("pkg:"));
}

// ---- ClassMatcher

TEST(ClassMatcher, PrefixMatchesOnPackageBoundary) {
  ClassMatcher m;
  m.add("com.tencent.mm.opensdk", 1);
  const auto hit = m.match("com.tencent.mm.opensdk.openapi.IWXAPI");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "com.tencent.mm.opensdk");
  EXPECT_FALSE(hit->exact);
}

TEST(ClassMatcher, PrefixMatchesItself) {
  ClassMatcher m;
  m.add("com.tencent.mm.opensdk", 1);
  const auto hit = m.match("com.tencent.mm.opensdk");
  ASSERT_TRUE(hit);
  EXPECT_TRUE(hit->exact);
}

TEST(ClassMatcher, NoMatchInsideAPackageName) {
  ClassMatcher m;
  m.add("com.tencent.mm.opensdk", 1);
  EXPECT_FALSE(m.match("com.tencent.mm.opensdkx.Foo"));
  EXPECT_FALSE(m.match("com.tencent.mm.opensd"));
  EXPECT_FALSE(m.match("com.tencent.mm"));
  EXPECT_FALSE(m.match("org.com.tencent.mm.opensdk.Foo"));
}

TEST(ClassMatcher, JvmDescriptor) {
  ClassMatcher m;
  m.add("com.tencent.mm.opensdk", 1);
  EXPECT_TRUE(m.match("Lcom/tencent/mm/opensdk/openapi/IWXAPI;"));
  EXPECT_TRUE(m.match("[[Lcom/tencent/mm/opensdk/openapi/IWXAPI;"));
  EXPECT_FALSE(m.match("Lcom/tencent/mm/opensdkx/Foo;"));
}

TEST(ClassMatcher, SlashPath) {
  ClassMatcher m;
  m.add("com.tencent.mm.opensdk", 1);
  EXPECT_TRUE(m.match("com/tencent/mm/opensdk/openapi/IWXAPI"));
}

TEST(ClassMatcher, RuleWrittenAsDescriptorOrPath) {
  ClassMatcher m;
  m.add("Lcom/bytedance/sdk/openadsdk;", 1);
  m.add("com/ss/android/", 2);
  m.add("com.tiktok.*", 3);
  EXPECT_EQ(m.match("com.bytedance.sdk.openadsdk.TTAdSdk")->rule, "com.bytedance.sdk.openadsdk");
  EXPECT_EQ(m.match("com.ss.android.ugc.aweme.Main")->rule, "com.ss.android");
  EXPECT_EQ(m.match("com.tiktok.open.Api")->rule, "com.tiktok");
}

TEST(ClassMatcher, InnerClassIsABoundary) {
  ClassMatcher m;
  m.add("com.tencent.mm.opensdk.openapi.WXAPIFactory", 1);
  EXPECT_TRUE(m.match("com.tencent.mm.opensdk.openapi.WXAPIFactory$1"));
  EXPECT_TRUE(m.match("Lcom/tencent/mm/opensdk/openapi/WXAPIFactory$Inner;"));
  EXPECT_FALSE(m.match("com.tencent.mm.opensdk.openapi.WXAPIFactoryImpl"));
}

TEST(ClassMatcher, SuffixRuleMatchesOnPackageBoundary) {
  ClassMatcher m;
  m.add("*.wxapi.WXEntryActivity", 1);
  const auto hit = m.match("com.example.shop.wxapi.WXEntryActivity");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "*.wxapi.WXEntryActivity");
  EXPECT_TRUE(m.match("Lcom/example/wxapi/WXEntryActivity;"));
  EXPECT_FALSE(m.match("com.example.notwxapi.WXEntryActivity"));
  EXPECT_FALSE(m.match("com.example.wxapi.WXEntryActivityX"));
  EXPECT_FALSE(m.match("wxapi.WXEntryActivity"));  // a suffix needs a package before it
}

TEST(ClassMatcher, PrefixRuleWinsOverSuffixRule) {
  ClassMatcher m;
  m.add("*.wxapi.WXEntryActivity", 1);
  m.add("com.tencent", 2);
  EXPECT_EQ(m.match("com.tencent.wxapi.WXEntryActivity")->target, 2u);
}

TEST(ExactMatcher, SchemesIgnoreCaseSymbolsDoNot) {
  ExactMatcher schemes(ExactMatcher::Case::kInsensitive);
  schemes.add("weixinULAPI", 1);
  EXPECT_TRUE(schemes.match("WEIXINulapi"));
  EXPECT_FALSE(schemes.match("weixin"));
  ExactMatcher symbols(ExactMatcher::Case::kSensitive);
  symbols.add("ttq", 2);
  EXPECT_TRUE(symbols.match("ttq"));
  EXPECT_FALSE(symbols.match("TTQ"));
  EXPECT_FALSE(symbols.match("ttq2"));
  EXPECT_FALSE(symbols.match(""));
}

TEST(ClassMatcher, LongestPrefixWins) {
  ClassMatcher m;
  m.add("com.tencent", 1);
  m.add("com.tencent.mm.opensdk", 2);
  EXPECT_EQ(m.match("com.tencent.mm.opensdk.openapi.IWXAPI")->target, 2u);
  EXPECT_EQ(m.match("com.tencent.mm.sdk.Foo")->target, 1u);
}

TEST(ClassMatcher, CaseSensitive) {
  ClassMatcher m;
  m.add("com.tencent.mm.opensdk", 1);
  EXPECT_FALSE(m.match("com.Tencent.mm.opensdk.Foo"));
}

TEST(ClassMatcher, EmptyAndDegenerateProbes) {
  ClassMatcher m;
  m.add("com.tencent", 1);
  EXPECT_FALSE(m.match(""));
  EXPECT_FALSE(m.match("."));
  EXPECT_FALSE(m.match("L;"));
  EXPECT_FALSE(m.match(std::string(5000, 'a')));
}

// ---- UrlMatcher

TEST(UrlMatcher, SchemeIgnoredAndQueryAllowed) {
  UrlMatcher m;
  m.add("analytics.tiktok.com/i18n/pixel/events.js", 1);
  const auto hit = m.match("https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=X");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, 1u);
  EXPECT_EQ(hit->rule, "analytics.tiktok.com/i18n/pixel/events.js");
  EXPECT_FALSE(hit->exact);
  const auto whole = m.match("http://analytics.tiktok.com/i18n/pixel/events.js");
  ASSERT_TRUE(whole);
  EXPECT_TRUE(whole->exact);
}

TEST(UrlMatcher, PathMustEndAtABoundary) {
  UrlMatcher m;
  m.add("analytics.tiktok.com/i18n/pixel/events.js", 1);
  EXPECT_FALSE(m.match("https://analytics.tiktok.com/i18n/pixel/events.jsx"));
  EXPECT_FALSE(m.match("https://analytics.tiktok.com/i18n/pixel/events"));
  EXPECT_TRUE(m.match("https://analytics.tiktok.com/i18n/pixel/events.js#top"));
  EXPECT_TRUE(m.match("https://analytics.tiktok.com/i18n/pixel/events.js/more"));
}

TEST(UrlMatcher, RuleEndingInSlashMatchesBelowIt) {
  UrlMatcher m;
  m.add("open.douyin.com/platform/", 1);
  EXPECT_TRUE(m.match("https://open.douyin.com/platform/oauth"));
  EXPECT_FALSE(m.match("https://open.douyin.com/platformx"));
}

TEST(UrlMatcher, HostCaseInsensitivePathCaseSensitive) {
  UrlMatcher m;
  m.add("Analytics.TikTok.com/i18n/Pixel", 1);
  EXPECT_TRUE(m.match("HTTPS://ANALYTICS.tiktok.COM/i18n/Pixel/x"));
  EXPECT_FALSE(m.match("https://analytics.tiktok.com/i18n/pixel/x"));
}

TEST(UrlMatcher, HostIsWholeNotSuffix) {
  UrlMatcher m;
  m.add("tiktok.com/share", 1);
  EXPECT_FALSE(m.match("https://xtiktok.com/share"));
  EXPECT_FALSE(m.match("https://www.tiktok.com/share"));
  EXPECT_FALSE(m.match("https://tiktok.com.evil.net/share"));
}

TEST(UrlMatcher, HostOnlyRuleMatchesWholeSite) {
  UrlMatcher m;
  m.add("https://lf16-tiktok-web.tiktokcdn-us.com/", 1);
  const auto hit = m.match("https://lf16-tiktok-web.tiktokcdn-us.com/obj/a.js");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule, "lf16-tiktok-web.tiktokcdn-us.com");
  EXPECT_TRUE(m.match("lf16-tiktok-web.tiktokcdn-us.com"));
  EXPECT_TRUE(m.match("https://lf16-tiktok-web.tiktokcdn-us.com?x=1"));
  EXPECT_FALSE(m.match("https://lf16-tiktok-web.tiktokcdn-us.comx/"));
}

TEST(UrlMatcher, PortAndUserinfoIgnored) {
  UrlMatcher m;
  m.add("analytics.tiktok.com/i18n", 1);
  EXPECT_TRUE(m.match("https://user:pw@analytics.tiktok.com:443/i18n/pixel"));
  EXPECT_TRUE(m.match("//analytics.tiktok.com/i18n"));
}

TEST(UrlMatcher, LongestRuleWins) {
  UrlMatcher m;
  m.add("analytics.tiktok.com/", 1);
  m.add("analytics.tiktok.com/i18n/pixel/", 2);
  m.add("analytics.tiktok.com/i18n", 3);
  EXPECT_EQ(m.match("https://analytics.tiktok.com/i18n/pixel/events.js")->target, 2u);
  EXPECT_EQ(m.match("https://analytics.tiktok.com/i18n/other")->target, 3u);
  EXPECT_EQ(m.match("https://analytics.tiktok.com/api")->target, 1u);
}

TEST(UrlMatcher, EmptyOrHostlessProbeDoesNotMatch) {
  UrlMatcher m;
  m.add("tiktok.com", 1);
  EXPECT_FALSE(m.match(""));
  EXPECT_FALSE(m.match("https://"));
  EXPECT_FALSE(m.match("/tiktok.com"));
}

TEST(UrlMatcher, HostOf) {
  EXPECT_EQ(UrlMatcher::host_of("https://a.b/c"), "a.b");
  EXPECT_EQ(UrlMatcher::host_of("https://user:pw@A.b:8443/c?d#e"), "A.b");
  EXPECT_EQ(UrlMatcher::host_of("a.b/c"), "a.b");
  EXPECT_EQ(UrlMatcher::host_of("a.b:80"), "a.b");
  EXPECT_EQ(UrlMatcher::host_of("http://[2001:db8::1]:8080/x"), "2001:db8::1");
  EXPECT_EQ(UrlMatcher::host_of("wss://a.b?x"), "a.b");
  EXPECT_EQ(UrlMatcher::host_of("//cdn.a.b/x"), "cdn.a.b");
  EXPECT_EQ(UrlMatcher::host_of("https:///path"), "");
  EXPECT_EQ(UrlMatcher::host_of(""), "");
  EXPECT_EQ(UrlMatcher::host_of("/path/only"), "");
  EXPECT_EQ(UrlMatcher::host_of("http://[::1"), "");
}

}  // namespace
}  // namespace interdict
