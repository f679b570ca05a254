// NameMatcher's search against a plain reading of its contract, name by name, on probes
// generated from the names' own syllables: the index's shortcuts (key filters, each name
// listed under its rarest token, runs skipped by the tokens that begin and end names) must
// give the answer that comparing the probe with every name gives.
//
// The reading (match.h, name_search.cc): a probe hits a name exactly when their tokens
// joined are equal; partially when the name's tokens all lie in the probe (a name that can
// be contained), or the probe's in the name (a probe that can be), or a run of adjacent
// probe tokens joined spells the name (one that can be contained), or the probe joined
// spells a proper run of the name's tokens. Group 0 first, exact before partial, then the
// longest name joined, then the first added.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "match/match.h"

namespace interdict {
namespace {

std::vector<std::string> split(const std::string& spaced) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < spaced.size();) {
    const std::size_t space = std::min(spaced.find(' ', at), spaced.size());
    out.push_back(spaced.substr(at, space - at));
    at = space + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& tokens, std::size_t i, std::size_t j) {
  std::string out;
  for (std::size_t k = i; k <= j; ++k) out += tokens[k];
  return out;
}

bool containable(const std::vector<std::string>& tokens) {
  return tokens.size() >= 2 || (tokens.size() == 1 && tokens[0].size() >= 5);
}

bool all_within(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  return std::all_of(part.begin(), part.end(),
                     [&](const std::string& t) { return std::find(whole.begin(), whole.end(), t) != whole.end(); });
}

struct Name {
  std::vector<std::string> tokens;
  std::string spaced;
  std::uint32_t target;
  std::uint8_t group;
};

// Whether `probe` hits `name`: 2 exactly, 1 partially, 0 not.
int hit_of(const std::vector<std::string>& probe, const Name& name) {
  const std::string probe_joined = joined(probe, 0, probe.size() - 1);
  const std::string name_joined = joined(name.tokens, 0, name.tokens.size() - 1);
  if (probe_joined == name_joined) return 2;
  if (containable(name.tokens) && all_within(name.tokens, probe)) return 1;
  if (containable(probe) && all_within(probe, name.tokens)) return 1;
  for (std::size_t i = 0; i < probe.size(); ++i) {
    for (std::size_t j = i; j < probe.size(); ++j) {
      if (i == 0 && j + 1 == probe.size()) continue;
      if (containable(name.tokens) && joined(probe, i, j) == name_joined) return 1;
    }
  }
  if (containable(probe)) {
    for (std::size_t i = 0; i < name.tokens.size(); ++i) {
      for (std::size_t j = i; j < name.tokens.size(); ++j) {
        if (i == 0 && j + 1 == name.tokens.size()) continue;
        if (joined(name.tokens, i, j) == probe_joined) return 1;
      }
    }
  }
  return 0;
}

std::optional<NameMatchHit> reference(const std::vector<Name>& names, const std::vector<std::string>& probe) {
  if (probe.empty()) return std::nullopt;
  for (std::uint8_t group = 0; group < NameMatcher::kGroups; ++group) {
    const Name* exact = nullptr;
    const Name* partial = nullptr;
    for (const Name& name : names) {
      if (name.group != group) continue;
      const int hit = hit_of(probe, name);
      if (hit == 2 && exact == nullptr) exact = &name;
      if (hit == 1 && (partial == nullptr || joined(name.tokens, 0, name.tokens.size() - 1).size() >
                                                 joined(partial->tokens, 0, partial->tokens.size() - 1).size())) {
        partial = &name;
      }
    }
    const Name* found = exact != nullptr ? exact : partial;
    if (found != nullptr) {
      NameMatchHit hit;
      hit.target = found->target;
      hit.rule = found->spaced;
      hit.exact = exact != nullptr;
      hit.group = group;
      return hit;
    }
  }
  return std::nullopt;
}

// The names as the matcher reads them, after all are added; the first name of a group to
// read as a form keeps it.
std::vector<Name> read_names(const NameMatcher& matcher,
                             const std::vector<std::pair<std::string, std::uint8_t>>& added) {
  std::vector<Name> names;
  for (std::uint32_t target = 0; target < added.size(); ++target) {
    const std::uint8_t group = added[target].second;
    const std::string spaced = matcher.normalise(added[target].first);
    Name n{split(spaced), spaced, target, group};
    const std::string key = joined(n.tokens, 0, n.tokens.size() - 1);
    if (std::none_of(names.begin(), names.end(), [&](const Name& m) {
          return m.group == group && joined(m.tokens, 0, m.tokens.size() - 1) == key;
        })) {
      names.push_back(n);
    }
  }
  return names;
}

// Whether `matcher` answers `probe` as comparing every name does; what it answered.
std::optional<NameMatchHit> expect_reference_answer(const NameMatcher& matcher, const std::vector<Name>& names,
                                                    const std::string& probe) {
  const std::optional<NameMatchHit> want = reference(names, split(matcher.normalise(probe)));
  const std::optional<NameMatchHit> got = matcher.match(probe);
  EXPECT_EQ(got.has_value(), want.has_value()) << probe << " / want " << (want ? want->rule : "-");
  if (got && want) {
    EXPECT_EQ(got->rule, want->rule) << probe;
    EXPECT_EQ(got->target, want->target) << probe;
    EXPECT_EQ(got->exact, want->exact) << probe;
    EXPECT_EQ(got->group, want->group) << probe;
  }
  return want;
}

TEST(NameReference, SearchAgreesWithComparingEveryName) {
  // Pinyin-like syllables, some of which join into words ("zijie"), so that runs of a
  // probe's tokens spell names written as words, and names share tokens.
  const std::vector<std::string> syllables = {"zi",   "jie", "tiao", "dong", "teng", "xun",  "kong", "bei",
                                              "jing", "ke",  "ji",   "dou",  "yin",  "shan", "hai",  "hua",
                                              "wei",  "tou", "tiao", "jin",  "ri",   "xin",  "yu",   "long"};
  std::mt19937 random(20261129);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  NameMatcher matcher;
  std::vector<std::pair<std::string, std::uint8_t>> added;
  for (std::uint32_t target = 0; target < 300; ++target) {
    std::string name;
    const std::size_t words = 1 + pick(4);
    for (std::size_t w = 0; w < words; ++w) {
      if (w != 0) name += ' ';
      const std::size_t parts = 1 + pick(3);  // a word of one to three syllables
      for (std::size_t k = 0; k < parts; ++k) name += syllables[pick(syllables.size())];
    }
    const auto group = static_cast<std::uint8_t>(pick(2));
    matcher.add(name, target, group);
    added.emplace_back(name, group);
  }
  // Normalised only once all are added: the first normalise() or match() builds the index.
  const std::vector<Name> names = read_names(matcher, added);
  std::size_t hits = 0;
  std::size_t partial_hits = 0;
  for (std::size_t p = 0; p < 10000; ++p) {
    std::string probe;
    const std::size_t tokens = 1 + pick(6);
    for (std::size_t t = 0; t < tokens; ++t) {
      if (t != 0) probe += ' ';
      // Mostly single syllables, as a Han name is read; sometimes a word of a name, whole.
      if (pick(4) == 0) {
        const Name& from = names[pick(names.size())];
        probe += from.tokens[pick(from.tokens.size())];
      } else {
        probe += syllables[pick(syllables.size())];
      }
    }
    const std::optional<NameMatchHit> want = expect_reference_answer(matcher, names, probe);
    if (testing::Test::HasFailure()) break;
    if (!want) continue;
    ++hits;
    partial_hits += want->exact ? 0 : 1;
  }
  // Past 64 tokens the search keeps no per-token marks and tries every run: a long probe
  // with a name's words at its end, beyond the marks.
  std::string long_probe;
  for (std::size_t t = 0; t < 70; ++t) long_probe += syllables[t % syllables.size()] + " ";
  for (const Name& name : {names[0], names[names.size() / 2], names.back()}) {
    expect_reference_answer(matcher, names, long_probe + name.spaced);
  }
  // The probes reach every kind of answer, so the comparison says something.
  EXPECT_GT(partial_hits, 1000u);
  EXPECT_GT(hits - partial_hits, 10u);
  EXPECT_LT(hits, 10000u);
}

TEST(NameReference, HanProbesAgreeAcrossTwoIndexesOnOneThread) {
  // Han probes are looked up by ideograph in a per-thread memo of each index's answers: two
  // indexes asked in turn on one thread must each answer by their own names. Homophones
  // (腾 藤, 讯 迅, 京 经) read alike, and a legal form (有限公司) amid a probe is dropped,
  // its tokens' ideographs with it.
  const std::u32string ideographs = U"腾藤讯迅控股字节跳动北经京科技抖音头条今日网";
  const auto utf8 = [](char32_t c) {
    return std::string{static_cast<char>(0xe0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3f)),
                       static_cast<char>(0x80 | (c & 0x3f))};
  };
  std::mt19937 random(20261130);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  const auto han = [&](std::size_t count) {
    std::string out;
    for (std::size_t k = 0; k < count; ++k) out += utf8(ideographs[pick(ideographs.size())]);
    return out;
  };
  NameMatcher first;
  NameMatcher second;
  std::vector<std::pair<std::string, std::uint8_t>> first_added;
  std::vector<std::pair<std::string, std::uint8_t>> second_added;
  for (std::uint32_t target = 0; target < 40; ++target) {
    for (auto* side : {&first_added, &second_added}) {
      const std::string name = han(2 + pick(3));
      side->emplace_back(name, static_cast<std::uint8_t>(pick(2)));
    }
  }
  for (std::uint32_t t = 0; t < first_added.size(); ++t) first.add(first_added[t].first, t, first_added[t].second);
  for (std::uint32_t t = 0; t < second_added.size(); ++t) second.add(second_added[t].first, t, second_added[t].second);
  const std::vector<Name> first_names = read_names(first, first_added);
  const std::vector<Name> second_names = read_names(second, second_added);
  std::size_t first_hits = 0;
  std::size_t second_hits = 0;
  for (std::size_t p = 0; p < 4000; ++p) {
    std::string probe = han(1 + pick(6));
    if (pick(8) == 0) probe.insert(pick(probe.size() / 3 + 1) * 3, "有限公司");
    first_hits += expect_reference_answer(first, first_names, probe).has_value() ? 1 : 0;
    second_hits += expect_reference_answer(second, second_names, probe).has_value() ? 1 : 0;
    if (testing::Test::HasFailure()) break;
  }
  EXPECT_GT(first_hits, 400u);
  EXPECT_GT(second_hits, 400u);
}

}  // namespace
}  // namespace interdict
