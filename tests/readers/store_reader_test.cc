// StoreReader: store catalogues (CSV, JSON Lines) and request logs (JSON Lines). Most cases
// are damaged input: each bad record is reported with its line, counted and skipped, and
// the records around it are still read.
#include "readers/store/store_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace interdict {
namespace {

// A record copied out of the reader's views.
struct Copied {
  StoreRecordKind kind;
  RequestType type;
  Instant time;
  std::uint64_t line;
  std::vector<std::string> ids;
  std::string title;
  std::string seller;
  std::string client;
  std::string store;
  std::string countries;  // "US PR"
};

struct Damage {
  std::uint64_t line;
  std::uint64_t bytes;
  std::string reason;
};

class ReportCollector : public StoreReader::Reporter {
 public:
  void damaged(const StoreDamage& d) override { damages.push_back({d.line, d.bytes, std::string(d.reason)}); }
  std::vector<Damage> damages;
};

struct ReadAll {
  std::optional<Error> open_error;
  std::optional<Error> error;
  StoreFormat format = StoreFormat::kUnknown;
  std::vector<Copied> records;
  std::vector<Damage> damages;
  std::uint64_t skipped = 0;
};

ReadAll read_all(std::string_view text, bool strict = false) {
  ReadAll out;
  auto source = LineSource::from_string(text);
  ReportCollector collector;
  auto reader = StoreReader::open(*source, &collector, StoreReader::Options{strict});
  if (!reader) {
    out.open_error = reader.error();
    return out;
  }
  out.format = (*reader)->format();
  StoreRecord r;
  while ((*reader)->next(r)) {
    Copied c{r.kind,
             r.type,
             r.time,
             r.line,
             {},
             std::string(r.title),
             std::string(r.seller),
             std::string(r.client),
             std::string(r.store),
             {}};
    for (std::string_view id : r.id_list()) c.ids.emplace_back(id);
    for (const CountryCode& cc : r.countries)
      c.countries += (c.countries.empty() ? "" : " ") + std::string(cc.data(), 2);
    out.records.push_back(std::move(c));
  }
  out.error = (*reader)->error();
  out.damages = collector.damages;
  out.skipped = (*reader)->skipped();
  EXPECT_EQ((*reader)->records(), out.records.size());
  return out;
}

const char* kHeader = "app_id,title,seller,storefronts\n";

// ---- Format detection ----

TEST(StoreSniff, TellsFormatsApartByContent) {
  EXPECT_EQ(sniff_store_format(R"({"app": "x", "type": "download"})"), StoreFormat::kJsonl);
  EXPECT_EQ(sniff_store_format("\xEF\xBB\xBF  {\"app\": \"x\"}"), StoreFormat::kJsonl);
  EXPECT_EQ(sniff_store_format("Bundle ID,Name"), StoreFormat::kCsv);
  EXPECT_EQ(sniff_store_format("title"), StoreFormat::kCsv);
  EXPECT_EQ(sniff_store_format("package\tname\tcountries"), StoreFormat::kCsv);
  EXPECT_EQ(sniff_store_format("hello world"), StoreFormat::kUnknown);
  EXPECT_EQ(sniff_store_format("date,bytes,host"), StoreFormat::kUnknown);
  EXPECT_EQ(sniff_store_format("[1, 2]"), StoreFormat::kUnknown);
  EXPECT_EQ(sniff_store_format(""), StoreFormat::kUnknown);
}

TEST(StoreReader, EmptyInputYieldsNothing) {
  for (std::string_view text : {std::string_view(""), std::string_view("\n\n  \r\n")}) {
    ReadAll r = read_all(text);
    EXPECT_FALSE(r.open_error);
    EXPECT_FALSE(r.error);
    EXPECT_EQ(r.format, StoreFormat::kUnknown);
    EXPECT_TRUE(r.records.empty());
  }
}

TEST(StoreReader, UnrecognisedInputIsAParseErrorAtItsFirstLine) {
  ReadAll r = read_all("\n# a comment\nsomething else\n");
  ASSERT_TRUE(r.open_error);
  EXPECT_EQ(r.open_error->category(), ErrorCategory::kParse);
  EXPECT_EQ(r.open_error->where().line, 2u);
  EXPECT_NE(r.open_error->message().find("not a store catalogue"), std::string::npos);
}

TEST(StoreReader, OpenAfterUsesTheSniffedFirstLine) {
  auto source = LineSource::from_string(
      "\n\xEF\xBB\xBF"
      "package,name\ncom.a,A\n");
  std::string_view line;
  ASSERT_TRUE(source->next(line));
  ASSERT_TRUE(source->next(line));
  ASSERT_EQ(sniff_store_format(line), StoreFormat::kCsv);
  auto reader = StoreReader::open_after(*source, line, StoreFormat::kCsv, nullptr, {});
  ASSERT_TRUE(reader);
  StoreRecord r;
  ASSERT_TRUE((*reader)->next(r));
  EXPECT_EQ(r.ids[0], "com.a");
  EXPECT_EQ(r.title, "A");
  EXPECT_EQ(r.line, 3u);
  EXPECT_FALSE((*reader)->next(r));
}

// ---- CSV ----

TEST(StoreCsv, ReadsListings) {
  ReadAll r = read_all(std::string(kHeader) +
                       "com.zhiliaoapp.musically,TikTok,TikTok Pte. Ltd.,US;PR\n"
                       "com.tencent.mm,WeChat,WeChat International Pte. Ltd.,CA\n");
  ASSERT_FALSE(r.open_error);
  EXPECT_EQ(r.format, StoreFormat::kCsv);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].kind, StoreRecordKind::kListing);
  EXPECT_EQ(r.records[0].ids, std::vector<std::string>{"com.zhiliaoapp.musically"});
  EXPECT_EQ(r.records[0].title, "TikTok");
  EXPECT_EQ(r.records[0].seller, "TikTok Pte. Ltd.");
  EXPECT_EQ(r.records[0].countries, "US PR");
  EXPECT_EQ(r.records[0].line, 2u);
  EXPECT_EQ(r.records[1].line, 3u);
  EXPECT_EQ(r.skipped, 0u);
}

TEST(StoreCsv, QuotedFieldsHoldDelimitersAndEscapedQuotes) {
  ReadAll r = read_all(std::string(kHeader) + R"("com.a","TikTok - Videos, Shop & LIVE","The ""Best"" Co.","US,CA")"
                                              "\n"
                                              R"(com.b, "spaced" ,"",US)"
                                              "\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].title, "TikTok - Videos, Shop & LIVE");
  EXPECT_EQ(r.records[0].seller, "The \"Best\" Co.");
  EXPECT_EQ(r.records[0].countries, "US CA");
  EXPECT_EQ(r.records[1].title, "spaced");
  EXPECT_EQ(r.records[1].seller, "");
}

TEST(StoreCsv, HeaderSynonymsMatchInAnyCase) {
  ReadAll r = read_all("Bundle ID,App Name,Developer,Countries\ncom.a,A,D,us\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].ids[0], "com.a");
  EXPECT_EQ(r.records[0].title, "A");
  EXPECT_EQ(r.records[0].seller, "D");
  EXPECT_EQ(r.records[0].countries, "US");
}

TEST(StoreCsv, UnknownColumnsAreIgnored) {
  ReadAll r = read_all("platform,package,rating,name,price\nandroid,com.a,4.5,A,0\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].ids, std::vector<std::string>{"com.a"});
  EXPECT_EQ(r.records[0].title, "A");
  EXPECT_EQ(r.records[0].countries, "");
}

TEST(StoreCsv, EveryIdColumnIsAProbe) {
  ReadAll r = read_all("app_id,store_id,title\ncom.zhiliaoapp.musically,835599320,TikTok\ncom.b,,B\n,123,C\n");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].ids, (std::vector<std::string>{"com.zhiliaoapp.musically", "835599320"}));
  EXPECT_EQ(r.records[1].ids, std::vector<std::string>{"com.b"});
  EXPECT_EQ(r.records[2].ids, std::vector<std::string>{"123"});
}

TEST(StoreCsv, MissingIdColumnIsAClearError) {
  ReadAll r = read_all("title,seller,storefronts\nTikTok,TikTok Ltd.,US\n");
  ASSERT_TRUE(r.open_error);
  EXPECT_EQ(r.open_error->category(), ErrorCategory::kParse);
  EXPECT_EQ(r.open_error->where().line, 1u);
  EXPECT_NE(r.open_error->message().find("no id column"), std::string::npos) << r.open_error->message();
}

TEST(StoreCsv, RowWithTooFewFieldsIsCountedWithItsLine) {
  ReadAll r = read_all(std::string(kHeader) + "com.a,A,S,US\ncom.b,B\ncom.c,C,S,US\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].ids[0], "com.c");
  ASSERT_EQ(r.damages.size(), 1u);
  EXPECT_EQ(r.damages[0].line, 3u);
  EXPECT_EQ(r.damages[0].bytes, 8u);
  EXPECT_EQ(r.damages[0].reason, "2 fields, the header has 4");
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_FALSE(r.error);
}

TEST(StoreCsv, RowWithTooManyFieldsIsCounted) {
  ReadAll r = read_all(std::string(kHeader) + "com.a,A,S,US,extra\ncom.b,B,S,US\n");
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.damages.size(), 1u);
  EXPECT_EQ(r.damages[0].line, 2u);
  EXPECT_EQ(r.damages[0].reason, "5 fields, the header has 4");
}

TEST(StoreCsv, CrlfLineEnds) {
  ReadAll r = read_all("app_id,title,storefronts\r\ncom.a,A,US\r\ncom.b,\"B\",CA\r\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].countries, "US");
  EXPECT_EQ(r.records[1].title, "B");
  EXPECT_EQ(r.records[1].countries, "CA");
}

TEST(StoreCsv, ByteOrderMarkAtFileStartIsIgnored) {
  ReadAll r = read_all(
      "\xEF\xBB\xBF"
      "app_id,title\ncom.a,A\n");
  ASSERT_FALSE(r.open_error) << r.open_error->to_string();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].ids[0], "com.a");
}

TEST(StoreCsv, BlankLinesAreSkipped) {
  ReadAll r = read_all("\n\napp_id\n\ncom.a\n   \ncom.b\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].line, 5u);
  EXPECT_EQ(r.records[1].line, 7u);
  EXPECT_EQ(r.skipped, 0u);
}

TEST(StoreCsv, TabSeparatedWhenTheHeaderHasTabsAndNoComma) {
  ReadAll r = read_all("package\ttitle\tcountries\ncom.a\tA, the app\tUS,CA\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].title, "A, the app");
  EXPECT_EQ(r.records[0].countries, "US CA");
}

TEST(StoreCsv, StorefrontSeparatorsCaseAndDuplicates) {
  ReadAll r = read_all(std::string(kHeader) + "com.a,A,S,\"us;PR|gu, VI  AS;US\"\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].countries, "US PR GU VI AS");
}

TEST(StoreCsv, StorefrontThatIsNotACountryCodeDamagesTheRow) {
  ReadAll r = read_all(std::string(kHeader) + "com.a,A,S,USA\ncom.b,B,S,U1\ncom.c,C,S,US\n");
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.damages.size(), 2u);
  EXPECT_EQ(r.damages[0].line, 2u);
  EXPECT_NE(r.damages[0].reason.find("storefront `USA`"), std::string::npos);
  EXPECT_EQ(r.damages[1].line, 3u);
}

TEST(StoreCsv, RowWithoutAnyIdIsDamaged) {
  ReadAll r = read_all("app_id,store_id,title\n,,Nameless\n");
  EXPECT_TRUE(r.records.empty());
  ASSERT_EQ(r.damages.size(), 1u);
  EXPECT_NE(r.damages[0].reason.find("no app id"), std::string::npos);
}

TEST(StoreCsv, QuotedNewlineSpansLines) {
  ReadAll r = read_all(std::string(kHeader) + "com.a,\"Two\nlines\",S,US\ncom.b,B,S,CA\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].title, "Two\nlines");
  EXPECT_EQ(r.records[0].line, 2u);
  EXPECT_EQ(r.records[1].line, 4u);
}

TEST(StoreCsv, TextAfterAClosingQuoteDamagesTheRow) {
  ReadAll r = read_all(std::string(kHeader) + "com.a,\"A\"x,S,US\ncom.b,B,S,US\n");
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.damages.size(), 1u);
  EXPECT_EQ(r.damages[0].line, 2u);
  EXPECT_NE(r.damages[0].reason.find("after a closing quote"), std::string::npos);
}

TEST(StoreCsv, QuoteInsideAnUnquotedFieldIsACharacter) {
  ReadAll r = read_all(std::string(kHeader) + "com.a,5\" Screen,S,US\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].title, "5\" Screen");
}

TEST(StoreCsv, UnterminatedQuoteAtTheEndIsReportedAndTheLinesAfterItReadAgain) {
  ReadAll r = read_all(std::string(kHeader) + "com.a,\"Stray,S,US\ncom.b,B,S,US\ncom.c,C,S,CA");
  ASSERT_EQ(r.damages.size(), 1u);
  EXPECT_EQ(r.damages[0].line, 2u);
  EXPECT_NE(r.damages[0].reason.find("unterminated quoted field"), std::string::npos);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].ids[0], "com.b");
  EXPECT_EQ(r.records[0].line, 3u);
  EXPECT_EQ(r.records[1].ids[0], "com.c");
  EXPECT_EQ(r.records[1].line, 4u);
}

TEST(StoreCsv, RunawayQuoteStopsAtTheLineLimitAndTheRestIsStillRead) {
  std::string text = std::string(kHeader) + "com.stray,\"Stray,S,US\n";
  const std::size_t n = StoreReader::kMaxRecordLines + 100;
  for (std::size_t i = 0; i < n; ++i) text += "com.app" + std::to_string(i) + ",T,S,US\n";
  ReadAll r = read_all(text);
  ASSERT_EQ(r.damages.size(), 1u);
  EXPECT_EQ(r.damages[0].line, 2u);
  EXPECT_NE(r.damages[0].reason.find("longer than the limit"), std::string::npos);
  ASSERT_EQ(r.records.size(), n);
  EXPECT_EQ(r.records.front().ids[0], "com.app0");
  EXPECT_EQ(r.records.front().line, 3u);
  EXPECT_EQ(r.records.back().line, n + 2);
}

TEST(StoreCsv, TooManyIdsDamagesTheRow) {
  ReadAll r = read_all("id,app,app_id,package,bundle_id,store_id,track_id,adam_id\n1,2,3,4,5,6,7,8\n1,1,1,1,1,1,1,1\n");
  ASSERT_EQ(r.damages.size(), 1u);
  EXPECT_NE(r.damages[0].reason.find("more than 7 ids"), std::string::npos);
  ASSERT_EQ(r.records.size(), 1u);  // repeated ids count once
  EXPECT_EQ(r.records[0].ids, std::vector<std::string>{"1"});
}

TEST(StoreCsv, StrictMakesTheFirstDamagedRowFatal) {
  ReadAll r = read_all(std::string(kHeader) + "com.a,A,S,US\ncom.b,B\ncom.c,C,S,US\n", /*strict=*/true);
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->category(), ErrorCategory::kParse);
  EXPECT_EQ(r.error->where().line, 3u);
  EXPECT_EQ(r.error->where().file, "<memory>");
  EXPECT_EQ(r.damages.size(), 1u);
}

// ---- JSON Lines ----

TEST(StoreJsonl, ReadsRequests) {
  ReadAll r = read_all(
      R"({"time": "2025-02-01T10:00:00Z", "type": "download", "app": "835599320", "country": "us", "client": "c-1", "store": "app-store"})"
      "\n"
      R"({"time": "2020-09-21T10:00:00-04:00", "type": "Update", "bundle_id": "com.tencent.xin", "store_id": 414478124, "country": "US"})"
      "\n"
      R"({"time": "2025-03-01T00:00:00Z", "type": "install", "package": "com.a"})"
      "\n");
  ASSERT_EQ(r.format, StoreFormat::kJsonl);
  ASSERT_EQ(r.records.size(), 3u) << (r.damages.empty() ? "" : r.damages[0].reason);
  const Copied& a = r.records[0];
  EXPECT_EQ(a.kind, StoreRecordKind::kRequest);
  EXPECT_EQ(a.type, RequestType::kDownload);
  EXPECT_EQ(a.time, *parse_rfc3339("2025-02-01T10:00:00Z"));
  EXPECT_EQ(a.ids, std::vector<std::string>{"835599320"});
  EXPECT_EQ(a.countries, "US");
  EXPECT_EQ(a.client, "c-1");
  EXPECT_EQ(a.store, "app-store");
  EXPECT_EQ(r.records[1].type, RequestType::kUpdate);
  EXPECT_EQ(r.records[1].time, *parse_rfc3339("2020-09-21T14:00:00Z"));
  EXPECT_EQ(r.records[1].ids, (std::vector<std::string>{"com.tencent.xin", "414478124"}));
  EXPECT_EQ(r.records[2].type, RequestType::kInstall);
  EXPECT_EQ(r.records[2].countries, "");
}

TEST(StoreJsonl, ReadsListingsWithItunesStyleKeys) {
  ReadAll r = read_all(
      R"({"trackId": 835599320, "bundleId": "com.zhiliaoapp.musically", "trackName": "TikTok", "sellerName": "TikTok Ltd.", "storefronts": ["US", "PR"], "averageUserRating": 4.7})"
      "\n"
      R"({"app_id": "com.tencent.mm", "title": "WeChat", "countries": "US;CA", "seller": null})"
      "\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].kind, StoreRecordKind::kListing);
  EXPECT_EQ(r.records[0].ids, (std::vector<std::string>{"835599320", "com.zhiliaoapp.musically"}));
  EXPECT_EQ(r.records[0].title, "TikTok");
  EXPECT_EQ(r.records[0].seller, "TikTok Ltd.");
  EXPECT_EQ(r.records[0].countries, "US PR");
  EXPECT_EQ(r.records[1].countries, "US CA");
  EXPECT_EQ(r.records[1].seller, "");
}

TEST(StoreJsonl, DamagedRecordsAreCountedWithTheirLinesAndTheRestRead) {
  const char* lines[] = {
      R"({"time": "2025-01-01T00:00:00Z", "type": "download", "app": "ok.1", "country": "US"})",
      R"(not json)",
      R"(["an", "array"])",
      R"({"time": "2025-01-01T00:00:00Z", "type": "download", "country": "US"})",
      R"({"time": "2025-01-01 00:00", "type": "download", "app": "a"})",
      R"({"time": "2025-01-01T00:00:00Z", "type": "purchase", "app": "a"})",
      R"({"type": "download", "app": "a"})",
      R"({"time": "2025-01-01T00:00:00Z", "app": "a"})",
      R"({"app": "a", "title": "neither"})",
      R"({"app": "a", "storefronts": ["US", "USA"]})",
      R"({"time": "2025-01-01T00:00:00Z", "type": "update", "app": "a", "country": "US;CA"})",
      R"({"app": true, "storefronts": "US"})",
      R"({"app": "a", "storefronts": [1]})",
      R"({"time": "2025-01-01T00:00:00Z", "type": "download", "app": "a", "country": "US")",
      R"({"app_id": "ok.2", "storefronts": []})",
  };
  std::string text;
  for (const char* l : lines) text += std::string(l) + "\n";
  ReadAll r = read_all(text);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].ids[0], "ok.1");
  EXPECT_EQ(r.records[1].ids[0], "ok.2");
  EXPECT_EQ(r.records[1].line, 15u);
  ASSERT_EQ(r.damages.size(), 13u);
  for (std::size_t i = 0; i < r.damages.size(); ++i) EXPECT_EQ(r.damages[i].line, i + 2) << r.damages[i].reason;
  EXPECT_NE(r.damages[0].reason.find("not JSON"), std::string::npos);
  EXPECT_NE(r.damages[1].reason.find("JSON object"), std::string::npos);
  EXPECT_NE(r.damages[2].reason.find("no app id"), std::string::npos);
  EXPECT_NE(r.damages[3].reason.find("`time`"), std::string::npos);
  EXPECT_NE(r.damages[4].reason.find("unknown request type `purchase`"), std::string::npos);
  EXPECT_NE(r.damages[5].reason.find("needs `time`"), std::string::npos);
  EXPECT_NE(r.damages[6].reason.find("needs `type`"), std::string::npos);
  EXPECT_NE(r.damages[7].reason.find("neither a listing"), std::string::npos);
  EXPECT_NE(r.damages[8].reason.find("storefront `USA`"), std::string::npos);
  EXPECT_NE(r.damages[9].reason.find("one `country`"), std::string::npos);
  EXPECT_EQ(r.skipped, 13u);
  EXPECT_FALSE(r.error);
}

TEST(StoreJsonl, StrictStopsAtTheFirstDamagedRecord) {
  ReadAll r = read_all("{\"app\": \"a\", \"storefronts\": \"US\"}\n{}\n{\"app\": \"b\", \"storefronts\": \"US\"}\n",
                       /*strict=*/true);
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->category(), ErrorCategory::kParse);
  EXPECT_EQ(r.error->where().line, 2u);
}

TEST(StoreJsonl, FirstLineWithByteOrderMarkIsRead) {
  ReadAll r = read_all("\xEF\xBB\xBF{\"app\": \"a\", \"storefronts\": \"US\"}\n");
  ASSERT_EQ(r.records.size(), 1u) << (r.damages.empty() ? "" : r.damages[0].reason);
  EXPECT_EQ(r.records[0].ids[0], "a");
}

// ---- Observations ----

TEST(StoreRecord, ListingStandsForDistributionAndUpdatesAtTheAsOfTime) {
  auto source =
      LineSource::from_string("app_id,store_id,title,storefronts\ncom.zhiliaoapp.musically,835599320,TikTok,US;CA\n");
  auto reader = StoreReader::open(*source, nullptr, {});
  ASSERT_TRUE(reader);
  StoreRecord r;
  ASSERT_TRUE((*reader)->next(r));
  auto activities = r.activities();
  ASSERT_EQ(activities.size(), 2u);
  EXPECT_EQ(activities[0], Activity::kStoreDistribute);
  EXPECT_EQ(activities[1], Activity::kStoreUpdate);
  ASSERT_EQ(r.country_chunks(), 1u);
  const Instant as_of = *parse_rfc3339("2025-06-01T00:00:00Z");
  Observation obs = r.observation(Activity::kStoreUpdate, as_of, 0);
  EXPECT_EQ(obs.activity, Activity::kStoreUpdate);
  EXPECT_EQ(obs.at, as_of);
  ASSERT_EQ(obs.probe_count, 3);
  EXPECT_EQ(obs.probes[0].kind, ProbeKind::kApp);
  EXPECT_EQ(obs.probes[0].value, "com.zhiliaoapp.musically");
  EXPECT_EQ(obs.probes[1].value, "835599320");
  EXPECT_EQ(obs.probes[2].kind, ProbeKind::kTitle);
  EXPECT_EQ(obs.probes[2].value, "TikTok");
  ASSERT_EQ(obs.country_count, 2);
  EXPECT_EQ(std::string(obs.countries[1].data(), 2), "CA");
  EXPECT_EQ(obs.evidence.line, 2u);
  EXPECT_EQ(obs.evidence.file, "<memory>");
}

TEST(StoreRecord, RequestStandsForOneActivityAtItsOwnTime) {
  auto source = LineSource::from_string(
      R"({"time": "2020-09-21T12:00:00Z", "type": "update", "app": "com.tencent.mm", "country": "US"})");
  auto reader = StoreReader::open(*source, nullptr, {});
  ASSERT_TRUE(reader);
  StoreRecord r;
  ASSERT_TRUE((*reader)->next(r));
  ASSERT_EQ(r.activities().size(), 1u);
  EXPECT_EQ(r.activities()[0], Activity::kStoreUpdate);
  Observation obs = r.observation(Activity::kStoreUpdate, /*as_of=*/0, 0);
  EXPECT_EQ(obs.at, *parse_rfc3339("2020-09-21T12:00:00Z"));
  EXPECT_EQ(obs.probe_count, 1);
  EXPECT_EQ(obs.country_count, 1);
}

TEST(StoreRecord, ManyStorefrontsAreSplitIntoChunks) {
  auto source = LineSource::from_string("app_id,storefronts\ncom.a,CA GB DE FR IT ES NL SE US PR GU AS MP\n");
  auto reader = StoreReader::open(*source, nullptr, {});
  ASSERT_TRUE(reader);
  StoreRecord r;
  ASSERT_TRUE((*reader)->next(r));
  ASSERT_EQ(r.countries.size(), 13u);
  ASSERT_EQ(r.country_chunks(), 2u);
  Observation first = r.observation(Activity::kStoreDistribute, 0, 0);
  Observation second = r.observation(Activity::kStoreDistribute, 0, 1);
  EXPECT_EQ(first.country_count, Observation::kMaxCountries);
  ASSERT_EQ(second.country_count, 5);
  EXPECT_EQ(std::string(second.countries[0].data(), 2), "US");
}

}  // namespace
}  // namespace interdict
