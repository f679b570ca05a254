// Names: the ASCII fast path (no ICU) against the ICU path (NFKC, transliteration), on every
// name and alias of the bundled orders and on case and punctuation variants of them. A name
// written in full-width forms ("ＴｉｋＴｏｋ") takes the ICU path, and NFKC turns it back into
// the ASCII name, so both paths must give the same tokens and the same answer.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine_fixture.h"

namespace interdict::testing {
namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The full-width form of printable ASCII: U+FF01..U+FF5E for '!'..'~', U+3000 for a space.
std::string full_width(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    const unsigned cp = c == ' ' ? 0x3000u : 0xFF01u + static_cast<unsigned>(c - '!');
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

std::vector<std::string> every_ascii_name() {
  std::vector<std::string> out;
  auto add = [&](const std::string& n) {
    if (is_ascii(n) && std::all_of(n.begin(), n.end(), [](char c) { return c >= ' ' && c <= '~'; })) out.push_back(n);
  };
  for (const Entity& e : bundled().corpus().entities) {
    add(e.name);
    for (const std::string& a : e.aliases) add(a);
  }
  for (const Subject& s : bundled().corpus().subjects) {
    add(s.name);
    for (const std::string& a : s.aliases) add(a);
    for (const Identifier& id : s.identifiers) {
      if (id.kind == IdentifierKind::kName) add(id.value);
    }
  }
  return out;
}

// Case and punctuation variants the matcher must read as the name itself.
std::vector<std::string> variants(const std::string& name) {
  std::string upper = name;
  std::string lower = name;
  std::string punctuated;
  for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  for (char c : name) punctuated += c == ' ' ? std::string(", ") : std::string(1, c);
  return {name, upper, lower, "  " + punctuated + ".", "(" + name + ")"};
}

// What an answer says, without the transaction's own text: verdict, state, and every subject
// and entity reached with the rule and whether the match was certain.
std::string summary(const Finding& f) {
  std::string out = std::string(verdict_name(f.verdict)) + " " +
                    (f.status == State::kUnknown ? "none" : std::string(state_name(f.status)));
  for (int i = 0; i < f.match_count; ++i) {
    const Match& m = f.matches[static_cast<std::size_t>(i)];
    out += " | " + m.subject->id + " " + m.order->id + "/" + m.clause().id + " " + std::string(m.how.rule_text.view()) +
           (m.how.certain ? " certain" : " partial");
  }
  for (int i = 0; i < f.designation_count; ++i) {
    const Designation& d = f.designations[static_cast<std::size_t>(i)];
    out += " | " +
           (d.entity != nullptr    ? d.entity->id
            : d.subject != nullptr ? d.subject->id
                                   : "") +
           " " + std::string(d.how.rule_text.view()) + (d.how.certain ? " certain" : " partial");
  }
  return out;
}

Finding decide_name(ProbeKind kind, const std::string& name) {
  Observation obs;
  obs.activity = Activity::kPayment;
  obs.add_probe(kind, name);
  obs.add_country("US");
  obs.at = *parse_rfc3339("2020-09-22T00:00:00Z");
  return bundled().decide(obs);
}

TEST(NamePaths, TheBundledOrdersHaveAsciiNamesToCompare) { EXPECT_GT(every_ascii_name().size(), 50u); }

TEST(NamePaths, AsciiAndIcuGiveTheSameAnswerOnEveryBundledNameAndVariant) {
  std::size_t compared = 0;
  std::size_t matched = 0;
  for (const std::string& name : every_ascii_name()) {
    for (const std::string& v : variants(name)) {
      for (ProbeKind kind : {ProbeKind::kName, ProbeKind::kTitle}) {
        const Finding ascii = decide_name(kind, v);
        const Finding icu = decide_name(kind, full_width(v));
        ASSERT_EQ(summary(ascii), summary(icu)) << "name: " << v;
        matched += ascii.match_count + ascii.designation_count > 0 ? 1 : 0;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 500u);
  EXPECT_GT(matched, compared / 2) << "most variants of a bundled name must still find it";
}

TEST(NamePaths, CaseAndPunctuationVariantsAnswerAsTheNameItself) {
  for (const std::string& name : every_ascii_name()) {
    const std::string expected = summary(decide_name(ProbeKind::kName, name));
    for (const std::string& v : variants(name)) EXPECT_EQ(summary(decide_name(ProbeKind::kName, v)), expected) << v;
  }
}

TEST(NamePaths, NormalisedFormsAgreeOnEveryBundledName) {
  NameMatcher matcher;
  matcher.add("seed", 0);  // a matcher with ICU built
  for (const std::string& name : every_ascii_name()) {
    for (const std::string& v : variants(name)) EXPECT_EQ(matcher.normalise(v), matcher.normalise(full_width(v))) << v;
  }
}

TEST(NamePaths, LegalFormsAreDroppedOnTheAsciiPath) {
  NameMatcher matcher;
  EXPECT_EQ(matcher.normalise("Tencent Holdings Limited"), "tencent holdings");
  EXPECT_EQ(matcher.normalise("ByteDance Ltd."), "bytedance");
  EXPECT_EQ(matcher.normalise("Beijing Zijie Tiaodong Keji Youxian Gongsi"), "beijing zijie tiaodong keji");
  EXPECT_EQ(matcher.normalise("L.L.C."), "l l c");  // nothing but a legal form: kept
  EXPECT_EQ(matcher.normalise("TIKTOK PTE. LTD"), "tiktok");
}

}  // namespace
}  // namespace interdict::testing
