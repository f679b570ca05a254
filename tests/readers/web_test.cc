// The web reader: the TikTok pixel in its published shapes, script and resource URLs, global
// objects, a minified bundle, and damaged text that must be survived.
#include "readers/web/web.h"

#include <gtest/gtest.h>

#include "readers/ios_helpers.h"

namespace interdict::testing {
namespace {

constexpr char kPixelUrl[] = "https://analytics.tiktok.com/i18n/pixel/events.js";

// The TikTok pixel base code as TikTok's Events Manager hands it out (its public shape).
const char* const kPixelPage = R"(<!DOCTYPE html>
<html>
<head>
<!-- TikTok Pixel Code Start -->
<script>
!function (w, d, t) {
  w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie"],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};
  for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);ttq.instance=function(t){for(var e=ttq._i[t]||[],n=0;n<ttq.methods.length;n++)ttq.setAndDefer(e,ttq.methods[n]);return e},ttq.load=function(e,n){var r="https://analytics.tiktok.com/i18n/pixel/events.js",o=n&&n.partner;ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u=r,ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};n=document.createElement("script");n.type="text/javascript",n.async=!0,n.src=r+"?sdkid="+e+"&lib="+t;e=document.getElementsByTagName("script")[0];e.parentNode.insertBefore(n,e)};

  ttq.load('C0ABCDEFG');
  ttq.page();
}(window, document, 'ttq');
</script>
<!-- TikTok Pixel Code End -->
</head>
<body><p>Shop</p></body>
</html>
)";

CollectingSink read(std::string_view text, std::string_view path = "site/index.html") {
  CollectingSink sink;
  decode_web(as_bytes(text), path, sink);
  return sink;
}

TEST(Web, PixelBaseCodeGivesItsScriptUrlAndTtq) {
  CollectingSink sink = read(kPixelPage);
  EXPECT_TRUE(sink.damages.empty());
  const OwnedItem* url = sink.find(CodeKind::kUrl, kPixelUrl);
  ASSERT_NE(url, nullptr);
  EXPECT_EQ(url->role, "string");
  EXPECT_EQ(url->line, 8u);
  EXPECT_EQ(url->path, "site/index.html");
  EXPECT_EQ(std::string_view(kPixelPage).substr(url->offset, sizeof kPixelUrl - 1), kPixelUrl);
  const OwnedItem* ttq = sink.find(CodeKind::kSymbol, "ttq");
  ASSERT_NE(ttq, nullptr);
  EXPECT_EQ(ttq->role, "global");
  EXPECT_EQ(ttq->line, 8u);
  EXPECT_EQ(sink.values(CodeKind::kSymbol), (std::vector<std::string>{"ttq", "document"}));
  EXPECT_EQ(sink.values(CodeKind::kUrl), std::vector<std::string>{kPixelUrl});
}

TEST(Web, IifeLastStringArgumentIsASymbolEvenWithoutCalls) {
  CollectingSink sink = read(
      "!function(w,d,t){w.TiktokAnalyticsObject=t}(window,document,'ttq');\n"
      "(function(w,n){w[n]=w[n]||[]})(window,\"snaptr\");\n"
      "(function(w,n){w[n]=1}(window,'not an identifier'));\n",
      "pixel.js");
  EXPECT_EQ(sink.values(CodeKind::kSymbol), (std::vector<std::string>{"ttq", "snaptr"}));
  EXPECT_EQ(sink.find(CodeKind::kSymbol, "snaptr")->line, 2u);
}

TEST(Web, NestedFunctionCallWithStringArgumentIsNotAnIife) {
  CollectingSink sink = read("function f(){ g(function(){}('x')); }\n", "a.js");
  EXPECT_TRUE(sink.values(CodeKind::kSymbol).empty());
}

TEST(Web, ScriptSrcAndResourceAttributes) {
  CollectingSink sink = read(
      "<html><head>\n"
      "<SCRIPT async SRC=\"https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C0ABCDEFG&amp;lib=ttq\"></SCRIPT>\n"
      "<link rel=stylesheet href=//cdn.example.com/site.css>\n"
      "<script type=\"text/template\"><a href=\"https://template.example/x\">don't</a></script>\n"
      "</head><body><img alt='logo' src='/logo.png'><img src=\"data:image/png;base64,AAAA\">\n"
      "<iframe\n  src=\"https://www.youtube.com/embed/abc\"></iframe><a href=\"https://not.a.resource/\">x</a>\n"
      "</body></html>\n");
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kUrl, "script"),
            std::vector<std::string>{"https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C0ABCDEFG&lib=ttq"});
  EXPECT_EQ(sink.values(CodeKind::kUrl, "resource"),
            (std::vector<std::string>{"//cdn.example.com/site.css", "/logo.png", "https://www.youtube.com/embed/abc"}));
  EXPECT_EQ(sink.find(CodeKind::kUrl, "https://www.youtube.com/embed/abc")->line, 7u);
  EXPECT_EQ(sink.items.size(), 4u);
}

TEST(Web, CleanPageHasNoDesignatedItems) {
  CollectingSink sink = read(
      "<!doctype html><html><head><title>a < b</title><style>body{background:url(https://img.example/bg.png)}</style>"
      "<script src=\"/static/app.js\"></script></head>\n<body><script>\n"
      "  const total = items.reduce((a, b) => a + b, 0) / items.length;\n"
      "  app.start({ locale: 'en' });\n</script></body></html>\n");
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kUrl), std::vector<std::string>{"/static/app.js"});
  EXPECT_EQ(sink.values(CodeKind::kSymbol), (std::vector<std::string>{"items", "app"}));
}

TEST(Web, GlobalObjectPropertiesInEveryForm) {
  CollectingSink sink = read(
      "window.TiktokAnalyticsObject = 'ttq';\nwindow[\"ttq\"] = window [ 'ttq' ] || [];\n"
      "globalThis.snaptr = 1; self.fbq?.('init'); window[name] = 2; window['a b'] = 3;\n"
      "foo.window.notGlobal = 4; x.y.z(); obj?.call();\n",
      "g.js");
  EXPECT_EQ(sink.values(CodeKind::kSymbol),
            (std::vector<std::string>{"TiktokAnalyticsObject", "ttq", "snaptr", "fbq", "obj"}));
  EXPECT_EQ(sink.find(CodeKind::kSymbol, "ttq")->line, 2u);
}

TEST(Web, CommentsAndRegularExpressionsYieldNothing) {
  CollectingSink sink = read(
      "// ttq.load('x') https://comment.example/a\n"
      "/* window.hidden = 1; \"https://block.example/\" */\n"
      "var re = /https:\\/\\/regex.example\\/[/\"']x/g, q = a / b / c;\n"
      "if (ok) return /ttq.page()/.test(s);\n"
      "var s = '/* not a comment */ https://real.example/p';\n",
      "c.js");
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kUrl), std::vector<std::string>{"https://real.example/p"});
  EXPECT_TRUE(sink.values(CodeKind::kSymbol).empty());
}

TEST(Web, EscapedAndProtocolRelativeAndTemplateUrls) {
  CollectingSink sink = read(
      "var a = \"https:\\/\\/analytics.tiktok.com\\/i18n\\/pixel\\/events.js\";\n"
      "var b = '//analytics.tiktok.com/api/v2/pixel';\n"
      "var c = `https://ads.example/track?id=${id}&lib=${'x' + `https://inner.example/${y}`}`;\n"
      "var d = 'see <a href=\"http://embedded.example/page\">this</a>.';\n"
      "var e = 'https://' + host, f = 'http:///nothing';\n",
      "u.js");
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kUrl),
            (std::vector<std::string>{kPixelUrl, "//analytics.tiktok.com/api/v2/pixel", "https://ads.example/track?id=",
                                      "https://inner.example/", "http://embedded.example/page"}));
  EXPECT_EQ(sink.find(CodeKind::kUrl, "https://inner.example/")->line, 3u);
}

TEST(Web, EachValueOnceWithItsFirstLine) {
  CollectingSink sink = read(
      "a.x = 'https://one.example/';\n\nttq.track();\nvar b = 'https://one.example/';\n"
      "ttq.track();\n",
      "d.js");
  ASSERT_EQ(sink.items.size(), 2u);
  EXPECT_EQ(sink.items[0].line, 1u);
  EXPECT_EQ(sink.items[1].value, "ttq");
  EXPECT_EQ(sink.items[1].line, 3u);
}

// One line of several megabytes, as bundlers write them, with the pixel URL once inside.
TEST(Web, MinifiedBundleOnOneLine) {
  std::string bundle = "(()=>{var e={";
  const std::string module =
      "123:function(e,t,n){\"use strict\";var r=n(45),o=/[a-z]+\\/\\//i;t.a=function(e){return "
      "r.get(\"/api/items/\"+e).then(function(t){return t.data.filter(function(e){return o.test(e)})})}},";
  bool placed = false;
  while (bundle.size() < (std::size_t{4} << 20)) {
    bundle += module;
    if (bundle.size() > (std::size_t{2} << 20) && !placed) {
      placed = true;
      bundle += "9:function(e){e.exports=\"https://analytics.tiktok.com/i18n/pixel/events.js\"},";
    }
  }
  bundle += "};window.webpackJsonp=window.webpackJsonp||[]})();";
  CollectingSink sink = read(bundle, "static/js/main.4f2a.js");
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.values(CodeKind::kUrl), std::vector<std::string>{kPixelUrl});
  EXPECT_EQ(sink.find(CodeKind::kUrl, kPixelUrl)->line, 1u);
  EXPECT_EQ(sink.values(CodeKind::kSymbol), std::vector<std::string>{"webpackJsonp"});
}

TEST(Web, UnterminatedStringIsDamageAndTheNextLineIsRead) {
  CollectingSink sink = read("var a = \"https://x.example/a;\nttq.track('x');\n", "s.js");
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].reason, "unterminated string literal");
  EXPECT_EQ(sink.damages[0].line, 1u);
  EXPECT_EQ(sink.damages[0].offset, 8u);
  EXPECT_FALSE(sink.damages[0].fatal);
  EXPECT_EQ(sink.values(CodeKind::kSymbol), std::vector<std::string>{"ttq"});
  EXPECT_EQ(sink.find(CodeKind::kSymbol, "ttq")->line, 2u);
}

TEST(Web, UnterminatedCommentTemplateScriptAndTagAreDamage) {
  CollectingSink js = read("ttq.page();\n/* never closed\nwindow.x = 1;\n", "a.js");
  ASSERT_EQ(js.damages.size(), 1u);
  EXPECT_EQ(js.damages[0].reason, "unterminated comment");
  EXPECT_EQ(js.damages[0].line, 2u);
  EXPECT_EQ(js.values(CodeKind::kSymbol), std::vector<std::string>{"ttq"});

  CollectingSink tpl = read("var a = `https://t.example/${b}\n", "t.js");
  EXPECT_TRUE(tpl.damage_mentions("unterminated template literal"));

  CollectingSink page = read("<html><script>ttq.page();\n", "p.html");
  ASSERT_EQ(page.damages.size(), 1u);
  EXPECT_EQ(page.damages[0].reason, "unterminated script element");
  EXPECT_EQ(page.values(CodeKind::kSymbol), std::vector<std::string>{"ttq"});

  CollectingSink tag = read("<html>\n<img src=\"https://a.example/x.png\"", "q.html");
  ASSERT_EQ(tag.damages.size(), 1u);
  EXPECT_EQ(tag.damages[0].reason, "unterminated tag");
  EXPECT_EQ(tag.damages[0].line, 2u);

  CollectingSink comment = read("<html><!-- <script src=\"https://hidden.example/a.js\"></script>", "r.html");
  EXPECT_TRUE(comment.damage_mentions("unterminated comment"));
  EXPECT_TRUE(comment.items.empty());
}

TEST(Web, InvalidUtf8IsReportedOnceAndReadPast) {
  const std::string text = "var a = '\xC3\x28 \xFF';\nvar b = '\xED\xA0\x80';\nttq.page('https://ok.example/');\n";
  CollectingSink sink = read(text, "b.js");
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].reason, "invalid utf-8");
  EXPECT_EQ(sink.damages[0].offset, 9u);
  EXPECT_EQ(sink.values(CodeKind::kSymbol), std::vector<std::string>{"ttq"});
  EXPECT_EQ(sink.values(CodeKind::kUrl), std::vector<std::string>{"https://ok.example/"});
}

TEST(Web, NulBytesAreReportedOnceAndReadPast) {
  static constexpr char kText[] = "<html>\n\0\0<script>\0ttq.page();</script>\n<img src=\"/a\0.png\">";
  const std::string text(kText, sizeof kText - 1);
  CollectingSink sink = read(text);
  ASSERT_EQ(sink.damages.size(), 1u);
  EXPECT_EQ(sink.damages[0].reason, "nul byte");
  EXPECT_EQ(sink.damages[0].line, 2u);
  EXPECT_EQ(sink.values(CodeKind::kSymbol), std::vector<std::string>{"ttq"});
}

TEST(Web, DamageReportsAreCapped) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "'open\n";
  CollectingSink sink = read(text, "many.js");
  EXPECT_EQ(sink.damages.size(), 100u);
  EXPECT_EQ(sink.damages.back().reason, "too much damage, the rest is not reported");
}

// Inputs that would make a backtracking or rescanning reader quadratic; each megabyte must
// simply be read (a quadratic pass would not finish within the test timeout).
TEST(Web, PathologicalRunsAreReadInOnePass) {
  for (std::string_view unit : {"(/", "window['", "</", "<a b='", "`${", "ttq.", "\"\\", "/*/"}) {
    std::string text;
    while (text.size() < (std::size_t{1} << 20)) text += unit;
    CollectingSink js = read(text, "p.js");
    CollectingSink html = read("<script>" + text, "p.html");
    EXPECT_LE(js.damages.size(), 100u) << unit;
    EXPECT_LE(html.damages.size(), 100u) << unit;
  }
}

TEST(Web, LooksLikeWebByNameOrOpening) {
  EXPECT_TRUE(looks_like_web("dist/app.MJS", {}));
  EXPECT_TRUE(looks_like_web("index.htm", {}));
  EXPECT_TRUE(looks_like_web("page", as_bytes("\xEF\xBB\xBF\n  <!DOCTYPE HTML>")));
  EXPECT_TRUE(looks_like_web("page", as_bytes("<script>x()</script>")));
  EXPECT_FALSE(looks_like_web("Info.plist", as_bytes("<?xml version=\"1.0\"?><plist/>")));
  EXPECT_FALSE(looks_like_web("classes.dex", as_bytes("dex\n035")));
  EXPECT_FALSE(looks_like_web("x", {}));
}

}  // namespace
}  // namespace interdict::testing
