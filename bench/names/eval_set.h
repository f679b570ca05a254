// The name matcher's evaluation set: the list side, the labelled queries and the negatives,
// read from the shared data (see its PROVENANCE.md), for bench_names.
//
// The list side: OFAC SDN names and aliases (watchman's bench copy), Cat-sushi/fmatch's
// list (US CSL and Japan METI names, one entry a line), the UN names of yente's benchmark,
// US Congress names, and the first spelling of each of rigour's 1000 person-name groups
// (motiva's excerpt). Labelled queries: the reordered UN names ("SALEK, ABDULHAI" for
// "ABDULHAI SALEK"), the other spellings of each rigour group (Cyrillic, German, French,
// Han, kana...), and Putin's 80 names. Negatives: yente's 100,000 synthetic
// non-sanctioned persons.
//
// A query's answer is right when it is the labelled entry or another entry listed under one
// of the label's own spellings: fmatch lists "PUTIN, Vladimir" and "PUTIN, Vladimir
// Vladimirovich" as entries of their own, and both are Putin.
//
// Thread-safety: plain data, built once by one thread.
#pragma once

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "names/names.h"

namespace names_bench {

using interdict::EntityKind;
using interdict::NameEntry;
using interdict::NameIndex;

// RFC 4180 fields of one line (quoted fields may hold commas; no multi-line fields here).
inline std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back().push_back(c);
    }
  }
  return out;
}

inline std::vector<std::string> lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  if (out.empty()) std::fprintf(stderr, "missing or empty: %s\n", path.c_str());
  return out;
}

inline std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  return s;
}

// ASCII letters lowered (spellings are compared case-insensitively).
inline std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The script a name is written in, by its first letter outside Latin (or "latin"): the
// misses are counted by it.
inline std::string script_of(const std::string& s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return "invalid";
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_LATIN || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) return "kana";
    return uscript_getShortName(script);
  }
  return "latin";
}

// True when every letter is Latin, Cyrillic or Greek: scripts a transliterator reads by
// sound. Han, kana, Hebrew and Arabic spellings of European surnames ("罗哈斯" for Rojas)
// are transcriptions no transliteration inverts; they are counted apart.
inline bool alphabetic_script(const std::string& s) {
  const std::string script = script_of(s);
  return script == "latin" || script == "Cyrl" || script == "Grek";
}

struct Query {
  std::string text;
  std::string expected;  // the labelled entry id; empty for a negative
  std::string source;    // "un", "putin", "rigour latin/cyrillic/greek", "rigour other scripts"
};

struct EvalSet {
  NameIndex index;
  std::vector<Query> positives;
  std::vector<Query> negatives;
  std::map<std::string, std::string> listed;  // entry id -> its first name, for the misses listed
  // Labelled id -> other ids listed under one of its own spellings (same name, same answer).
  std::map<std::string, std::set<std::string>> also;
  std::size_t also_count = 0;

  [[nodiscard]] bool right(const std::string& expected, std::string_view id) const {
    if (id == expected) return true;
    const auto it = also.find(expected);
    return it != also.end() && it->second.count(std::string(id)) > 0;
  }
};

// Reads everything under `data`; `negative_step` keeps every n-th negative. The index is
// left unfrozen.
inline void load_eval_set(const std::string& data, std::size_t negative_step, EvalSet& out) {
  const std::string yente = data + "/yente/contrib/candidate_generation_benchmark/fixtures/";
  // Spellings of each labelled group, to find the same name listed elsewhere.
  std::map<std::string, std::set<std::string>> spelling_to_label;
  std::vector<std::pair<std::string, std::string>> other_entries;  // id, name (not labelled)

  std::map<std::string, NameEntry> sdn;
  for (const auto& line : lines(data + "/watchman/test/testdata/bench/sdn.csv")) {
    auto f = csv_fields(line);
    if (f.size() < 4) continue;
    NameEntry& e = sdn["ofac:" + trim(f[0])];
    e.id = "ofac:" + trim(f[0]);
    const auto type = trim(f[2]);
    e.kind = type == "individual" ? EntityKind::kPerson
             : type == "vessel"   ? EntityKind::kVessel
             : type == "aircraft" ? EntityKind::kAircraft
                                  : EntityKind::kOrganization;
    e.names.push_back(trim(f[1]));
  }
  for (const auto& line : lines(data + "/watchman/test/testdata/bench/alt.csv")) {
    auto f = csv_fields(line);
    if (f.size() < 4) continue;
    auto it = sdn.find("ofac:" + trim(f[0]));
    if (it != sdn.end()) it->second.names.push_back(trim(f[3]));
  }
  for (const auto& [id, e] : sdn) {
    out.index.add(e);
    for (const auto& name : e.names) other_entries.emplace_back(id, name);
  }

  std::size_t n = 0;
  for (const auto& line : lines(data + "/fmatch/assets/database/list.csv")) {
    auto f = csv_fields(line);
    if (f.empty() || trim(f[0]).empty()) continue;
    const std::string id = "fmatch:" + std::to_string(n++);
    out.index.add({id, EntityKind::kUnknown, {}, {trim(f[0])}});
    other_entries.emplace_back(id, trim(f[0]));
  }

  const auto un_list = lines(yente + "positives_un_untreated.csv");
  const auto un_queries = lines(yente + "positives_un_treated.csv");
  for (std::size_t i = 1; i < un_list.size() && i < un_queries.size(); ++i) {
    const auto id = "un:" + std::to_string(i);
    out.index.add({id, EntityKind::kPerson, {}, {csv_fields(un_list[i])[0]}});
    out.positives.push_back({csv_fields(un_queries[i])[0], id, "un"});
  }
  const auto congress = lines(yente + "positives_us_congress_untreated.csv");
  for (std::size_t i = 1; i < congress.size(); ++i) {
    const std::string id = "congress:" + std::to_string(i);
    out.index.add({id, EntityKind::kPerson, {"us"}, {csv_fields(congress[i])[0]}});
    other_entries.emplace_back(id, csv_fields(congress[i])[0]);
  }

  // rigour groups: "a, b, c => Q123"; the first spelling is listed, the others query it.
  for (const auto& line : lines(data + "/motiva/crates/libmotiva/assets/excerpts/rigour_data/names/persons.txt")) {
    const auto arrow = line.find(" => ");
    if (arrow == std::string::npos) continue;
    const auto id = "rigour:" + line.substr(arrow + 4);
    auto names = csv_fields(line.substr(0, arrow));
    if (names.size() < 2) continue;
    out.index.add({id, EntityKind::kPerson, {}, {trim(names[0])}});
    out.listed[id] = trim(names[0]);
    other_entries.emplace_back(id, trim(names[0]));
    for (std::size_t i = 0; i < names.size(); ++i) {
      spelling_to_label[lower(trim(names[i]))].insert(id);
      if (i == 0) continue;
      const std::string text = trim(names[i]);
      out.positives.push_back(
          {text, id, alphabetic_script(text) ? "rigour latin/cyrillic/greek" : "rigour other scripts"});
    }
  }
  out.index.add({"putin", EntityKind::kPerson, {"ru"}, {"PUTIN, Vladimir Vladimirovich"}});
  out.listed["putin"] = "PUTIN, Vladimir Vladimirovich";
  spelling_to_label[lower("PUTIN, Vladimir Vladimirovich")].insert("putin");
  for (const auto& line : lines(data + "/rigour/contrib/putin_names.txt")) {
    if (trim(line).empty()) continue;
    out.positives.push_back({trim(line), "putin", "putin"});
    spelling_to_label[lower(trim(line))].insert("putin");
  }
  for (const auto& [id, name] : other_entries) {
    const auto it = spelling_to_label.find(lower(name));
    if (it == spelling_to_label.end()) continue;
    for (const auto& label : it->second)
      if (label != id && out.also[label].insert(id).second) ++out.also_count;
  }

  for (const char* file : {"negatives_global.csv", "negatives_us.csv"}) {
    const auto rows = lines(yente + file);
    for (std::size_t i = 1; i < rows.size(); i += negative_step)
      out.negatives.push_back({csv_fields(rows[i])[0], "", "negative"});
  }
}

}  // namespace names_bench
