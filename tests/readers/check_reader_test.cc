// CheckReader: one `interdict check` line (docs/check.md) into a CheckRequest. Most cases
// are damaged lines: each must fail with kParse and a message that names what is wrong.
#include "readers/jsonl/check_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace interdict {
namespace {

constexpr const char* kValidLine =
    R"({"activity":"hosting","subject":{"domain":"long.weixin.qq.com"},"country":"US","at":"2020-09-22T00:00:00Z"})";

class CheckReaderTest : public ::testing::Test {
 protected:
  // Parses `line` from a buffer padded as LineSource pads it. Views in the result stay
  // valid until the next call.
  Result<CheckRequest> parse(std::string_view line) {
    buffer_.assign(line);
    buffer_.append(simdjson::SIMDJSON_PADDING, '\0');
    return reader_.parse(std::string_view(buffer_.data(), line.size()));
  }

  // Parses `line`, expects a kParse error and returns its message.
  std::string error_of(std::string_view line) {
    auto result = parse(line);
    if (result.has_value()) {
      ADD_FAILURE() << "parsed: " << line;
      return "";
    }
    EXPECT_EQ(result.error().category(), ErrorCategory::kParse) << result.error().to_string();
    return result.error().message();
  }

  // A valid line with `key`'s value replaced by `value` (raw JSON), or the key removed when
  // `value` is empty.
  static std::string with(const std::string& key, const std::string& value) {
    std::vector<std::pair<std::string, std::string>> fields = {{"activity", R"("hosting")"},
                                                               {"subject", R"({"domain":"long.weixin.qq.com"})"},
                                                               {"country", R"("US")"},
                                                               {"at", R"("2020-09-22T00:00:00Z")"}};
    bool replaced = false;
    std::string out = "{";
    for (auto& [k, v] : fields) {
      std::string text = v;
      if (k == key) {
        replaced = true;
        if (value.empty()) continue;
        text = value;
      }
      if (out.size() > 1) out += ',';
      out += "\"" + k + "\":" + text;
    }
    if (!replaced && !value.empty()) out += ",\"" + key + "\":" + value;
    return out + "}";
  }

  CheckReader reader_;
  std::string buffer_;
};

::testing::AssertionResult Contains(const std::string& text, const std::string& fragment) {
  if (text.find(fragment) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "`" << text << "` does not contain `" << fragment << "`";
}

TEST_F(CheckReaderTest, ValidLineWithEveryField) {
  auto r =
      parse(R"({"ref":"row-7","activity":"store.update","subject":{"app":"com.tencent.xin","domain":"weixin.qq.com",)"
            R"("asn":"AS396986","name":"微信"},"country":["us","CN"],"at":"2020-09-27T23:59:00-04:00",)"
            R"("known_at":"2020-09-19T00:00:00.5Z"})");
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  const CheckRequest& req = *r;
  EXPECT_EQ(req.ref, "row-7");
  EXPECT_EQ(req.obs.activity, Activity::kStoreUpdate);
  ASSERT_EQ(req.obs.probe_count, 4);
  EXPECT_EQ(req.obs.probes[0].kind, ProbeKind::kApp);
  EXPECT_EQ(req.obs.probes[0].value, "com.tencent.xin");
  EXPECT_EQ(req.obs.probes[1].kind, ProbeKind::kDomain);
  EXPECT_EQ(req.obs.probes[1].value, "weixin.qq.com");
  EXPECT_EQ(req.obs.probes[2].kind, ProbeKind::kAsn);
  EXPECT_EQ(req.obs.probes[2].value, "AS396986");
  EXPECT_EQ(req.obs.probes[3].kind, ProbeKind::kName);
  EXPECT_EQ(req.obs.probes[3].value, "微信");
  ASSERT_EQ(req.obs.country_count, 2);
  EXPECT_EQ(std::string(req.obs.countries[0].data(), 2), "US");  // upper-cased
  EXPECT_EQ(std::string(req.obs.countries[1].data(), 2), "CN");
  // 23:59 at -04:00 is 03:59 UTC the next day.
  EXPECT_EQ(format_rfc3339(req.obs.at), "2020-09-28T03:59:00Z");
  ASSERT_TRUE(req.known_at.has_value());
  EXPECT_EQ(format_rfc3339(*req.known_at), "2020-09-19T00:00:00Z");  // the fraction is dropped
}

TEST_F(CheckReaderTest, MinimalLineHasNoCountryKnownAtOrRef) {
  auto r = parse(with("country", ""));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  EXPECT_EQ(r->obs.country_count, 0);
  EXPECT_FALSE(r->known_at.has_value());
  EXPECT_EQ(r->ref, "");
  EXPECT_EQ(r->obs.at, *parse_rfc3339("2020-09-22T00:00:00Z"));
}

TEST_F(CheckReaderTest, EveryActivityOfTheVocabularyIsAccepted) {
  for (std::string_view name : activity_names()) {
    auto r = parse(with("activity", "\"" + std::string(name) + "\""));
    ASSERT_TRUE(r.has_value()) << name;
    EXPECT_EQ(activity_name(r->obs.activity), name);
  }
  EXPECT_EQ(activity_names().size(), 11u);
}

TEST_F(CheckReaderTest, NotJson) { EXPECT_TRUE(Contains(error_of("hello, world"), "not JSON: ")); }

TEST_F(CheckReaderTest, EmptyLineIsNotJson) { EXPECT_TRUE(Contains(error_of(""), "not JSON: ")); }

TEST_F(CheckReaderTest, TruncatedObjectIsNotJson) {
  std::string line = kValidLine;
  EXPECT_TRUE(Contains(error_of(line.substr(0, line.size() - 2)), "not JSON: "));
}

TEST_F(CheckReaderTest, InvalidUtf8IsNotJson) {
  EXPECT_TRUE(Contains(error_of(with("ref", "\"\xff\xfe\"")), "not JSON: "));
}

TEST_F(CheckReaderTest, ArrayInsteadOfObject) {
  EXPECT_EQ(error_of(std::string("[") + kValidLine + "]"), "a line must be a JSON object");
}

TEST_F(CheckReaderTest, StringInsteadOfObject) { EXPECT_EQ(error_of(R"("activity")"), "a line must be a JSON object"); }

TEST_F(CheckReaderTest, UnknownKey) { EXPECT_EQ(error_of(with("contry", R"("US")")), "unknown key `contry`"); }

TEST_F(CheckReaderTest, UnknownActivity) {
  EXPECT_EQ(error_of(with("activity", R"("hostng")")), "unknown activity `hostng` (see `interdict check --help`)");
}

TEST_F(CheckReaderTest, ActivityNotAString) {
  EXPECT_EQ(error_of(with("activity", "3")), "`activity` must be a string");
}

TEST_F(CheckReaderTest, UnknownSubjectKind) {
  EXPECT_TRUE(
      Contains(error_of(with("subject", R"({"dns":"tiktok.com"})")), "unknown subject kind `dns` (one of id, app,"));
}

TEST_F(CheckReaderTest, SubjectNotAnObject) {
  EXPECT_TRUE(Contains(error_of(with("subject", R"("tiktok.com")")), "`subject` must be an object"));
}

TEST_F(CheckReaderTest, EmptySubject) { EXPECT_EQ(error_of(with("subject", "{}")), "`subject` names no identifier"); }

TEST_F(CheckReaderTest, EmptySubjectValue) {
  EXPECT_EQ(error_of(with("subject", R"({"domain":""})")), "`subject.domain` is empty");
}

TEST_F(CheckReaderTest, SubjectWithNumberAsn) {
  auto r = parse(with("subject", R"({"asn":396986})"));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  ASSERT_EQ(r->obs.probe_count, 1);
  EXPECT_EQ(r->obs.probes[0].kind, ProbeKind::kAsn);
  EXPECT_EQ(r->obs.probes[0].value, "396986");
}

TEST_F(CheckReaderTest, SubjectWithLargestNumber) {
  auto r = parse(with("subject", R"({"asn":18446744073709551615})"));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  EXPECT_EQ(r->obs.probes[0].value, "18446744073709551615");
}

TEST_F(CheckReaderTest, SubjectWithNegativeNumber) {
  EXPECT_EQ(error_of(with("subject", R"({"asn":-5})")), "`subject.asn` must be a string");
}

TEST_F(CheckReaderTest, SubjectWithFractionalNumber) {
  EXPECT_EQ(error_of(with("subject", R"({"asn":1.5})")), "`subject.asn` must be a string");
}

TEST_F(CheckReaderTest, SubjectWithNestedValue) {
  EXPECT_EQ(error_of(with("subject", R"({"app":["com.tencent.xin"]})")), "`subject.app` must be a string");
}

TEST_F(CheckReaderTest, EightIdentifiersAreAccepted) {
  auto r = parse(with("subject", R"({"id":"a","app":"b","domain":"c","ip":"d","asn":1,"package":"f","class":"g",)"
                                 R"("url":"h"})"));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  EXPECT_EQ(r->obs.probe_count, 8);
  EXPECT_EQ(r->obs.probes[4].value, "1");
}

TEST_F(CheckReaderTest, MoreThanEightIdentifiers) {
  EXPECT_EQ(error_of(with("subject", R"({"id":"a","app":"b","domain":"c","ip":"d","asn":"e","package":"f",)"
                                     R"("class":"g","url":"h","name":"i"})")),
            "`subject` names more than 8 identifiers");
}

TEST_F(CheckReaderTest, MoreThanEightNumericIdentifiers) {
  EXPECT_EQ(error_of(with("subject", R"({"asn":1,"asn":2,"asn":3,"asn":4,"asn":5,"asn":6,"asn":7,"asn":8,"asn":9})")),
            "`subject` names more than 8 identifiers");
}

TEST_F(CheckReaderTest, NumericIdentifiersKeepTheirOwnText) {
  auto r = parse(with("subject", R"({"asn":1,"asn":22,"asn":333})"));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  ASSERT_EQ(r->obs.probe_count, 3);
  EXPECT_EQ(r->obs.probes[0].value, "1");
  EXPECT_EQ(r->obs.probes[1].value, "22");
  EXPECT_EQ(r->obs.probes[2].value, "333");
}

TEST_F(CheckReaderTest, CountryArrayWithBadCode) {
  EXPECT_EQ(error_of(with("country", R"(["US","USA"])")), "`country` must hold ISO 3166-1 alpha-2 codes (at most 8)");
}

TEST_F(CheckReaderTest, CountryArrayWithNumber) {
  EXPECT_EQ(error_of(with("country", R"(["US",1])")), "`country` must hold ISO 3166-1 alpha-2 codes (at most 8)");
}

TEST_F(CheckReaderTest, CountryArrayOfNine) {
  EXPECT_EQ(error_of(with("country", R"(["US","PR","GU","VI","AS","MP","UM","CA","MX"])")),
            "`country` must hold ISO 3166-1 alpha-2 codes (at most 8)");
}

TEST_F(CheckReaderTest, CountryStringTooLong) {
  EXPECT_TRUE(Contains(error_of(with("country", R"("USA")")), "`country` must be an ISO 3166-1 alpha-2 code"));
}

TEST_F(CheckReaderTest, CountryWithTwoBytesThatAreNotLetters) {
  // "é" is two bytes of UTF-8, and "1$" two ASCII bytes: neither is a code.
  EXPECT_TRUE(Contains(error_of(with("country", R"("é")")), "`country` must be an ISO 3166-1 alpha-2 code"));
  EXPECT_TRUE(Contains(error_of(with("country", R"(["US","1$"])")), "`country` must hold ISO 3166-1 alpha-2 codes"));
}

TEST_F(CheckReaderTest, CountryObject) {
  EXPECT_EQ(error_of(with("country", R"({"code":"US"})")), "`country` must be a code or an array of codes");
}

TEST_F(CheckReaderTest, AtWithoutZone) {
  EXPECT_TRUE(Contains(error_of(with("at", R"("2020-09-22T00:00:00")")), "`at`: time without a zone"));
}

TEST_F(CheckReaderTest, AtAsBareDate) {
  EXPECT_TRUE(Contains(error_of(with("at", R"("2020-09-22")")), "`at`: time without a zone"));
}

TEST_F(CheckReaderTest, AtOutOfRange) {
  EXPECT_TRUE(Contains(error_of(with("at", R"("2021-02-29T00:00:00Z")")), "`at`: field out of range"));
}

TEST_F(CheckReaderTest, AtPushedPastYear9999ByItsOffset) {
  // Found by fuzz_time: such an instant printed as "+inf" and never read back.
  EXPECT_TRUE(
      Contains(error_of(with("at", R"("9999-12-31T23:59:59-23:59")")), "`at`: time outside the years 0000 to 9999"));
  EXPECT_TRUE(
      Contains(error_of(with("at", R"("0000-01-01T00:00:00+00:01")")), "`at`: time outside the years 0000 to 9999"));
  auto last = parse(with("at", R"("9999-12-31T23:59:59Z")"));
  ASSERT_TRUE(last.has_value()) << last.error().to_string();
  EXPECT_EQ(format_rfc3339(last->obs.at), "9999-12-31T23:59:59Z");
}

TEST_F(CheckReaderTest, AtWithIanaZoneIsNotRfc3339) {
  EXPECT_TRUE(
      Contains(error_of(with("at", R"("2020-09-22T00:00 America/New_York")")), "`at`: expected `Z` or an offset"));
}

TEST_F(CheckReaderTest, AtNotAString) {
  EXPECT_EQ(error_of(with("at", "1600732800")), "`at` must be an RFC 3339 string");
}

TEST_F(CheckReaderTest, KnownAtWithoutZone) {
  EXPECT_TRUE(Contains(error_of(with("known_at", R"("2020-09-19T00:00:00")")), "`known_at`: time without a zone"));
}

TEST_F(CheckReaderTest, RefNotAString) { EXPECT_EQ(error_of(with("ref", "7")), "`ref` must be a string"); }

TEST_F(CheckReaderTest, MissingAt) { EXPECT_EQ(error_of(with("at", "")), "missing `at`"); }

TEST_F(CheckReaderTest, MissingActivity) { EXPECT_EQ(error_of(with("activity", "")), "missing `activity`"); }

TEST_F(CheckReaderTest, MissingSubject) { EXPECT_EQ(error_of(with("subject", "")), "missing `subject`"); }

TEST_F(CheckReaderTest, TrailingGarbageAfterTheObject) {
  EXPECT_TRUE(Contains(error_of(std::string(kValidLine) + " x"), "not JSON: "));
}

TEST_F(CheckReaderTest, SecondObjectOnTheLine) {
  EXPECT_TRUE(Contains(error_of(std::string(kValidLine) + kValidLine), "not JSON: "));
}

TEST_F(CheckReaderTest, TrailingWhitespaceIsFine) {
  auto r = parse(std::string(kValidLine) + " \t ");
  EXPECT_TRUE(r.has_value()) << r.error().to_string();
}

TEST_F(CheckReaderTest, DeeplyNestedJsonIsAnErrorNotACrash) {
  const std::size_t depth = 100000;
  std::string line = with("ref", std::string(depth, '[') + std::string(depth, ']'));
  EXPECT_TRUE(Contains(error_of(line), "not JSON: "));
}

TEST_F(CheckReaderTest, NestingWithinTheLimitIsAFieldError) {
  std::string line = with("ref", std::string(500, '[') + std::string(500, ']'));
  EXPECT_EQ(error_of(line), "`ref` must be a string");
}

TEST_F(CheckReaderTest, LineThatIsNotPadded) {
  // Exactly sized on the heap: a read past its end is a fault under AddressSanitizer.
  std::string text =
      R"({"ref":"unpadded","activity":"cdn","subject":{"url":"https://analytics.tiktok.com/i18n/pixel/events.js"},)"
      R"("country":"US","at":"2025-07-01T00:00:00Z"})";
  auto bytes = std::make_unique<char[]>(text.size());
  std::memcpy(bytes.get(), text.data(), text.size());
  auto r = reader_.parse(std::string_view(bytes.get(), text.size()), /*padded=*/false);
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  EXPECT_EQ(r->ref, "unpadded");
  EXPECT_EQ(r->obs.activity, Activity::kCdn);
  ASSERT_EQ(r->obs.probe_count, 1);
  EXPECT_EQ(r->obs.probes[0].kind, ProbeKind::kUrl);
  EXPECT_EQ(r->obs.probes[0].value, "https://analytics.tiktok.com/i18n/pixel/events.js");
}

TEST_F(CheckReaderTest, DamagedLineThatIsNotPadded) {
  std::string text = R"({"activity":"hosting","subject":{"domain":"a.example"},"at":"2020-09-22T00:00:00Z")";
  auto bytes = std::make_unique<char[]>(text.size());
  std::memcpy(bytes.get(), text.data(), text.size());
  auto r = reader_.parse(std::string_view(bytes.get(), text.size()), /*padded=*/false);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().category(), ErrorCategory::kParse);
  EXPECT_TRUE(Contains(r.error().message(), "not JSON: "));
}

TEST_F(CheckReaderTest, ReaderContinuesAfterADamagedLine) {
  EXPECT_TRUE(Contains(error_of("{\"activity\":"), "not JSON: "));
  auto r = parse(kValidLine);
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  EXPECT_EQ(r->obs.probes[0].value, "long.weixin.qq.com");
}

TEST_F(CheckReaderTest, ErrorMessagesFollowTheHouseStyle) {
  const std::vector<std::string> lines = {
      "nope",
      "[]",
      with("x", "1"),
      with("activity", R"("hostng")"),
      with("subject", "{}"),
      with("subject", R"({"dns":"a"})"),
      with("country", R"(["USA"])"),
      with("at", R"("2020-09-22T00:00:00")"),
      with("at", ""),
  };
  for (const std::string& line : lines) {
    std::string message = error_of(line);
    ASSERT_FALSE(message.empty()) << line;
    EXPECT_FALSE(message.front() >= 'A' && message.front() <= 'Z') << message;
    EXPECT_NE(message.back(), '.') << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace interdict

namespace interdict {
namespace {

TEST(CheckReaderDuplicates, RepeatedKeyIsAnError) {
  CheckReader reader;
  auto r = reader.parse(
      R"({"activity":"hosting","subject":{"domain":"a.b"},"at":"2020-01-01T00:00:00Z","at":"2030-01-01T00:00:00Z"})",
      false);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().category(), ErrorCategory::kParse);
  EXPECT_NE(r.error().message().find("duplicate key `at`"), std::string::npos);
}

}  // namespace
}  // namespace interdict
