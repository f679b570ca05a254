// Sinks: JSON string escaping (RFC 8259), line errors, check answers and the text table.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "sinks/sinks.h"

namespace interdict {
namespace {

std::string json(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

// A small strict JSON reader (RFC 8259), independent of the sink: it checks that what the
// sink writes is JSON, and reads strings back. Test-only; ASCII \u escapes only.
class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  // True when the whole text is one JSON value.
  bool valid() {
    if (!value(0)) return false;
    space();
    return pos_ == text_.size();
  }
  // The text as one string literal, decoded; nullopt if it is not one.
  std::optional<std::string> string_value() {
    std::string out;
    if (!string(&out)) return std::nullopt;
    if (pos_ != text_.size()) return std::nullopt;
    return out;
  }

 private:
  void space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\t' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool eat(char c) {
    space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool string(std::string* out) {
    if (pos_ >= text_.size() || text_[pos_] != '"') return false;
    ++pos_;
    while (pos_ < text_.size()) {
      auto c = static_cast<unsigned char>(text_[pos_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c != '\\') {
        if (out != nullptr) out->push_back(static_cast<char>(c));
        continue;
      }
      if (pos_ >= text_.size()) return false;
      char e = text_[pos_++];
      char decoded = 0;
      switch (e) {
        case '"': decoded = '"'; break;
        case '\\': decoded = '\\'; break;
        case '/': decoded = '/'; break;
        case 'b': decoded = '\b'; break;
        case 'f': decoded = '\f'; break;
        case 'n': decoded = '\n'; break;
        case 'r': decoded = '\r'; break;
        case 't': decoded = '\t'; break;
        case 'u': {
          if (pos_ + 4 > text_.size()) return false;
          unsigned v = 0;
          for (int i = 0; i < 4; ++i) {
            char h = text_[pos_++];
            unsigned d = h >= '0' && h <= '9' ? unsigned(h - '0') : h >= 'a' && h <= 'f' ? unsigned(h - 'a' + 10) : 99;
            if (d == 99) return false;
            v = v * 16 + d;
          }
          if (v >= 0x80) return false;
          decoded = static_cast<char>(v);
          break;
        }
        default: return false;
      }
      if (out != nullptr) out->push_back(decoded);
    }
    return false;
  }
  bool value(int depth) {
    if (depth > 64) return false;
    space();
    if (pos_ >= text_.size()) return false;
    char c = text_[pos_];
    if (c == '"') return string(nullptr);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos_;
      if (eat(close)) return true;
      do {
        if (c == '{') {
          space();
          if (!string(nullptr) || !eat(':')) return false;
        }
        if (!value(depth + 1)) return false;
      } while (eat(','));
      return eat(close);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t start = pos_;
      while (pos_ < text_.size() && std::string_view("-+.eE0123456789").find(text_[pos_]) != std::string_view::npos)
        ++pos_;
      return pos_ > start;
    }
    return literal("true") || literal("false") || literal("null");
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// The string a JSON reader reads back from `literal`, or "<invalid>".
std::string parse_back(const std::string& literal) { return JsonReader(literal).string_value().value_or("<invalid>"); }

TEST(JsonReaderSelfTest, RejectsWhatIsNotJson) {
  EXPECT_TRUE(JsonReader(R"({"a":[1,-2.5e3,true,null,"x\u0041"]})").valid());
  EXPECT_FALSE(JsonReader(R"({"a":1,})").valid());
  EXPECT_FALSE(JsonReader("\"raw\ttab\"").valid());
  EXPECT_FALSE(JsonReader("\"raw\ttab\"").string_value().has_value());
  EXPECT_FALSE(JsonReader(R"({"a":1} x)").valid());
}

TEST(JsonString, PlainTextIsQuoted) { EXPECT_EQ(json("hosting"), R"("hosting")"); }

TEST(JsonString, EmptyString) { EXPECT_EQ(json(""), R"("")"); }

TEST(JsonString, QuotesAndBackslashesAreEscaped) { EXPECT_EQ(json(R"(say "hi" \ C:\x)"), R"("say \"hi\" \\ C:\\x")"); }

TEST(JsonString, NewlineReturnAndTabUseShortEscapes) { EXPECT_EQ(json("a\nb\rc\td"), R"("a\nb\rc\td")"); }

TEST(JsonString, OtherControlsAreEscapedAsU00XX) {
  EXPECT_EQ(json(std::string("\x01", 1)), R"("\u0001")");
  EXPECT_EQ(json("\b\f"), R"("\u0008\u000c")");
  EXPECT_EQ(json("x\x1fy"), R"("x\u001fy")");
  EXPECT_EQ(json("\x1b[0m"), R"("\u001b[0m")");
}

TEST(JsonString, NulByteIsEscaped) { EXPECT_EQ(json(std::string("a\0b", 3)), R"("a\u0000b")"); }

TEST(JsonString, DeleteAndSlashPassThrough) { EXPECT_EQ(json("a/b\x7f"), "\"a/b\x7f\""); }

TEST(JsonString, Utf8PassesThrough) {
  EXPECT_EQ(json("騰訊控股有限公司"), "\"騰訊控股有限公司\"");
  EXPECT_EQ(json("Zìjié Tiàodòng 😀"), "\"Zìjié Tiàodòng 😀\"");
}

TEST(JsonString, AppendsToWhatIsThere) {
  std::string out = "{\"k\":";
  append_json_string(out, "v\"");
  EXPECT_EQ(out, R"({"k":"v\"")");
}

TEST(JsonString, EveryAsciiByteRoundTripsThroughAParser) {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  all += "é騰😀";
  std::string literal = json(all);
  EXPECT_EQ(parse_back(literal), all);
  // Nothing below 0x20 is left raw in the literal.
  for (char c : literal) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << static_cast<int>(c);
}

TEST(JsonString, AByteToEscapeIsFoundAtEveryOffsetOfALongText) {
  // The escaper looks eight bytes at a time, then byte by byte: a quote, a backslash or a
  // control byte at any offset, in or after the words, is escaped and the rest copied.
  const std::string plain = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (char c : {'"', '\\', '\n', '\x01', '\x1f'}) {
    for (std::size_t at = 0; at < plain.size(); ++at) {
      std::string text = plain;
      text[at] = c;
      std::string literal = json(text);
      EXPECT_EQ(parse_back(literal), text) << static_cast<int>(c) << " at " << at;
      EXPECT_EQ(literal.size(), plain.size() + 2 + (c == '\x01' || c == '\x1f' ? 5 : 1)) << literal;
    }
  }
  EXPECT_EQ(json(plain), "\"" + plain + "\"");
}

TEST(LineError, NamesTheLineAndEscapesTheMessage) {
  std::string out;
  append_line_error(out, 13, "in.jsonl:13: unknown activity `hostng` \"x\"");
  EXPECT_EQ(out, R"({"line":13,"error":"in.jsonl:13: unknown activity `hostng` \"x\""})");
}

// The bundled orders, compiled once.
const OrderSet& bundled() {
  static std::shared_ptr<const OrderSet> set = [] {
    auto compiled = OrderSet::compile_bundled();
    EXPECT_TRUE(compiled.has_value()) << compiled.error().to_string();
    return *compiled;
  }();
  return *set;
}

TEST(CheckAnswer, IsOneValidJsonObjectWithTheGoverningClause) {
  Observation obs;
  obs.activity = Activity::kHosting;
  ASSERT_TRUE(obs.add_probe(ProbeKind::kDomain, "long.weixin.qq.com"));
  ASSERT_TRUE(obs.add_country("US"));
  obs.at = *parse_rfc3339("2020-09-22T00:00:00Z");
  const Instant known_at = *parse_rfc3339("2020-09-18T12:00:00Z");
  Finding finding = bundled().decide(obs, known_at);
  std::string out;
  Reasons scratch;
  append_check_answer(out, bundled(), finding, obs, known_at, 6, "a \"ref\"", scratch);
  EXPECT_EQ(out.find('\n'), std::string::npos);
  EXPECT_EQ(out.rfind(R"({"line":6,"ref":"a \"ref\"","verdict":"prohibited","status":"in_force",)"
                      R"("order":"us-2020-wechat","prohibition":"3","subject":"wechat","activity":"hosting",)"
                      R"("at":"2020-09-22T00:00:00Z","known_at":"2020-09-18T12:00:00Z","reasons":[)",
                      0),
            0u)
      << out;
  EXPECT_TRUE(JsonReader(out).valid()) << out;
  EXPECT_NE(out.find(R"("matches":[{"order":"us-2020-wechat","prohibition":"3","subject":"wechat","status":"in_force",)"
                     R"("prohibits":true,"scope":"in",)"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(R"("identifier":{"kind":"domain","value":"long.weixin.qq.com","rule":"weixin.qq.com",)"
                     R"("rule_kind":"domain","certain":true}}]})"),
            std::string::npos)
      << out;
}

TEST(CheckAnswer, NothingMatchedHasNulls) {
  Observation obs;
  obs.activity = Activity::kCdn;
  ASSERT_TRUE(obs.add_probe(ProbeKind::kDomain, "example.org"));
  obs.at = *parse_rfc3339("2025-01-01T00:00:00Z");
  Finding finding = bundled().decide(obs);
  std::string out;
  Reasons scratch;
  append_check_answer(out, bundled(), finding, obs, std::nullopt, 1, "", scratch);
  EXPECT_EQ(out.rfind(R"({"line":1,"verdict":"permitted","status":"none","order":null,"prohibition":null,)"
                      R"("subject":null,"activity":"cdn","at":"2025-01-01T00:00:00Z","reasons":[)",
                      0),
            0u)
      << out;
  EXPECT_EQ(out.substr(out.size() - 15), R"(],"matches":[]})");
  EXPECT_TRUE(JsonReader(out).valid()) << out;
}

TEST(TextTable, ColumnsAreSizedToTheirWidestCell) {
  TextTable table({"a", "bb", "c"});
  table.add_row({"ccc", "d", "e"});
  table.add_row({"f", "gggg", "h"});
  EXPECT_EQ(table.render(),
            "a    bb    c\n"
            "---  ----  -\n"
            "ccc  d     e\n"
            "f    gggg  h\n");
}

TEST(TextTable, TrailingSpacesAreTrimmed) {
  TextTable table({"name", "note"});
  table.add_row({"x", ""});
  EXPECT_EQ(table.render(),
            "name  note\n"
            "----  ----\n"
            "x\n");
}

TEST(TextTable, LongCellsAreCutWithAnEllipsis) {
  TextTable table({"k", "v"}, 5);
  table.add_row({"abcdefgh", "abcde"});
  EXPECT_EQ(table.render(),
            "k      v\n"
            "-----  -----\n"
            "abcd…  abcde\n");
}

TEST(TextTable, WideCharactersTakeTwoColumns) {
  TextTable table({"x", "y"}, 5);
  table.add_row({"騰訊", "1"});
  table.add_row({"微信支付公司", "2"});
  table.add_row({"Zìjié", "3"});
  EXPECT_EQ(table.render(),
            "x      y\n"
            "-----  -\n"
            "騰訊   1\n"
            "微信…  2\n"
            "Zìjié  3\n");
}

TEST(TextTable, CombiningMarksTakeNoColumn) {
  TextTable table({"name", "n"});
  table.add_row({"Zi\u0300jie", "1"});
  EXPECT_EQ(table.render(),
            "name   n\n"
            "-----  -\n"
            "Zi\u0300jie  1\n");
}

TEST(TextTable, MissingCellsAreEmptyAndExtraCellsDropped) {
  TextTable table({"a", "b"});
  table.add_row({"1"});
  table.add_row({"2", "3", "4"});
  EXPECT_EQ(table.render(),
            "a  b\n"
            "-  -\n"
            "1\n"
            "2  3\n");
}

TEST(TextTable, EmptyTableRendersItsHeader) {
  TextTable table({"order", "state"});
  EXPECT_TRUE(table.empty());
  EXPECT_EQ(table.render(), "order  state\n-----  -----\n");
  table.add_row({"x", "y"});
  EXPECT_FALSE(table.empty());
}

}  // namespace
}  // namespace interdict

namespace interdict {
namespace {

TEST(JsonField, KeyAndEscapedValueFollowAComma) {
  std::string out = "{\"kind\":\"code\"";
  append_json_field(out, "path", "a\"b");
  append_json_key(out, "items");
  out += "3}";
  EXPECT_EQ(out, R"({"kind":"code","path":"a\"b","items":3})");
}

}  // namespace
}  // namespace interdict
