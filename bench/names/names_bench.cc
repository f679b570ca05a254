// Name matcher: quality on labelled name pairs, false positives on non-sanctioned names,
// and speed of the index against scoring every name (the brute-force baseline), in one run.
//
//   bench_names [shared-data-dir]
//
// The list side: OFAC SDN names and aliases (watchman's bench copy), Cat-sushi/fmatch's
// list (US CSL and Japan METI names), the UN names of yente's benchmark, US Congress names,
// and the first spelling of each of rigour's 1000 person-name groups (motiva's excerpt).
// Labelled queries: the reordered UN names ("SALEK, ABDULHAI" for "ABDULHAI SALEK"), the
// other spellings of each rigour group (Cyrillic, German, French...), and Putin's 80
// names. Negatives: yente's 100,000 synthetic non-sanctioned persons.
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "names/names.h"

using interdict::EntityKind;
using interdict::NameEntry;
using interdict::NameIndex;

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }
// CPU time of this process: the machine is shared, so wall time overstates the cost.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// True when every letter is Latin, Cyrillic or Greek: scripts a transliterator reads by
// sound. Han, kana, Hebrew and Arabic spellings of European surnames ("罗哈斯" for Rojas)
// are transcriptions no transliteration inverts; they are counted apart.
bool alphabetic_script(const std::string& s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script != USCRIPT_LATIN && script != USCRIPT_CYRILLIC && script != USCRIPT_GREEK && script != USCRIPT_COMMON &&
        script != USCRIPT_INHERITED)
      return false;
  }
  return true;
}

// RFC 4180 fields of one line (quoted fields may hold commas; no multi-line fields here).
std::vector<std::string> csv_fields(const std::string& line) {
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

std::vector<std::string> lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  if (out.empty()) std::fprintf(stderr, "missing or empty: %s\n", path.c_str());
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  return s;
}

struct Query {
  std::string text;
  std::string expected;  // entry id; empty for a negative
};

struct Outcome {
  double expected = 0;  // best score of the expected entry, 0 when not found
  double other = 0;     // best score of any other entry
  std::string other_name;
};

Outcome outcome(const std::vector<interdict::NameHit>& hits, const std::string& expected) {
  Outcome o;
  for (const auto& h : hits) {
    if (h.id == expected) {
      o.expected = std::max(o.expected, h.score);
    } else {
      if (h.score > o.other) o.other_name = std::string(h.name);
      o.other = std::max(o.other, h.score);
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string data = argc > 1 ? argv[1] : INTERDICT_SHARED_DATA;
  // "quick": every tenth negative, no brute force, the missed labelled names listed.
  // "explain NAME...": only the hits of those names, with their token pairs.
  const bool quick = argc > 2 && std::string(argv[2]) == "quick";
  const std::string yente = data + "/yente/contrib/candidate_generation_benchmark/fixtures/";
  NameIndex index;
  std::vector<Query> positives;
  std::map<std::string, std::string> listed;  // entry id -> its first name, for the misses listed
  auto start = Clock::now();

  // OFAC SDN: primary names, then aliases from alt.csv by entity number.
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
  for (const auto& [id, e] : sdn) index.add(e);

  std::size_t n = 0;
  for (const auto& line : lines(data + "/fmatch/assets/database/list.csv")) {
    auto f = csv_fields(line);
    if (!f.empty() && !trim(f[0]).empty())
      index.add({"fmatch:" + std::to_string(n++), EntityKind::kUnknown, {}, {trim(f[0])}});
  }

  const auto un_list = lines(yente + "positives_un_untreated.csv");
  const auto un_queries = lines(yente + "positives_un_treated.csv");
  for (std::size_t i = 1; i < un_list.size() && i < un_queries.size(); ++i) {
    const auto id = "un:" + std::to_string(i);
    index.add({id, EntityKind::kPerson, {}, {csv_fields(un_list[i])[0]}});
    positives.push_back({csv_fields(un_queries[i])[0], id});
  }
  const auto congress = lines(yente + "positives_us_congress_untreated.csv");
  for (std::size_t i = 1; i < congress.size(); ++i)
    index.add({"congress:" + std::to_string(i), EntityKind::kPerson, {"us"}, {csv_fields(congress[i])[0]}});

  // rigour groups: "a, b, c => Q123"; the first spelling is listed, the others query it.
  for (const auto& line : lines(data + "/motiva/crates/libmotiva/assets/excerpts/rigour_data/names/persons.txt")) {
    const auto arrow = line.find(" => ");
    if (arrow == std::string::npos) continue;
    const auto id = "rigour:" + line.substr(arrow + 4);
    auto names = csv_fields(line.substr(0, arrow));
    if (names.size() < 2) continue;
    index.add({id, EntityKind::kPerson, {}, {trim(names[0])}});
    listed[id] = trim(names[0]);
    for (std::size_t i = 1; i < names.size(); ++i) positives.push_back({trim(names[i]), id});
  }
  index.add({"putin", EntityKind::kPerson, {"ru"}, {"PUTIN, Vladimir Vladimirovich"}});
  for (const auto& line : lines(data + "/rigour/contrib/putin_names.txt"))
    if (!trim(line).empty()) positives.push_back({trim(line), "putin"});

  index.freeze();
  const double build_ms = ms_since(start);
  std::printf("index: %zu entries, %zu names, built in %.0f ms\n", index.entry_count(), index.name_count(), build_ms);

  // "explain NAME...": the hits of each name with their token pairs, to study a miss.
  if (argc > 3 && std::string(argv[2]) == "explain") {
    for (int a = 3; a < argc; ++a) {
      std::printf("%s\n", argv[a]);
      for (const auto& hit : index.search(argv[a], {}, 5)) {
        std::printf("  %.3f %s %s:", hit.score, std::string(hit.id).c_str(), std::string(hit.name).c_str());
        for (const auto& p : hit.why.pairs)
          std::printf(" [%s|%s %.2f]", p.query_token.c_str(), p.name_token.c_str(), p.similarity);
        std::printf("\n");
      }
    }
    return 0;
  }
  // File round trip.
  const std::string path = "/tmp/bench_names.idx";
  start = Clock::now();
  if (!index.save(path).has_value()) return 1;
  const double save_ms = ms_since(start);
  start = Clock::now();
  auto loaded = NameIndex::load(path);
  const double load_ms = ms_since(start);
  if (!loaded) return 1;
  std::ifstream sized(path, std::ios::binary | std::ios::ate);
  std::printf("file: %lld bytes, save %.1f ms, load %.1f ms\n", static_cast<long long>(sized.tellg()), save_ms,
              load_ms);

  // Transliterator cost: the first non-ASCII name on a fresh thread builds its own.
  std::thread([] {
    auto t = Clock::now();
    (void)interdict::normalise_name("腾讯");
    const double first = ms_since(t);
    t = Clock::now();
    for (int i = 0; i < 1000; ++i) (void)interdict::normalise_name("腾讯");
    std::printf("transliterator: first use on a thread %.1f ms, then %.1f us per Han name\n", first, ms_since(t));
  }).join();

  std::vector<Query> negatives;
  for (const char* file : {"negatives_global.csv", "negatives_us.csv"}) {
    const auto rows = lines(yente + file);
    for (std::size_t i = 1; i < rows.size(); i += quick ? 10 : 1) negatives.push_back({csv_fields(rows[i])[0], ""});
  }

  // Scores at a low review threshold, so one pass serves every threshold below.
  loaded->set_thresholds({0.6, 0.6});
  std::vector<Outcome> pos;
  double cpu = cpu_ms();
  for (const auto& q : positives) pos.push_back(outcome(loaded->search(q.text, {}, 10), q.expected));
  const double pos_ms = cpu_ms() - cpu;
  std::vector<double> neg;
  cpu = cpu_ms();
  for (const auto& q : negatives) {
    const auto hits = loaded->search(q.text, {}, 1);
    neg.push_back(hits.empty() ? 0.0 : hits[0].score);
    if (quick && !hits.empty() && hits[0].score >= 0.9)
      std::printf("negative hit: %s -> %s (%.3f)\n", q.text.c_str(), std::string(hits[0].name).c_str(), hits[0].score);
  }
  const double neg_ms = cpu_ms() - cpu;
  std::printf("queries (CPU time): %zu labelled (%.3f ms each), %zu negatives (%.3f ms each)\n", positives.size(),
              pos_ms / static_cast<double>(positives.size()), negatives.size(),
              neg_ms / static_cast<double>(negatives.size()));

  std::printf("\nthreshold  recall  precision  negatives-FPR\n");
  for (double t = 0.70; t <= 0.981; t += 0.02) {
    std::size_t found = 0, answered = 0, right = 0, fp = 0;
    for (const auto& o : pos) {
      if (o.expected >= t) ++found;
      if (std::max(o.expected, o.other) >= t) {
        ++answered;
        if (o.expected >= o.other) ++right;
      }
    }
    for (double s : neg)
      if (s >= t) ++fp;
    std::printf("%.2f       %.4f  %.4f     %.4f%%\n", t, static_cast<double>(found) / static_cast<double>(pos.size()),
                answered ? static_cast<double>(right) / static_cast<double>(answered) : 1.0,
                100.0 * static_cast<double>(fp) / static_cast<double>(neg.size()));
  }
  const auto defaults = interdict::Thresholds{};
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_source;  // found, total at review
  for (std::size_t i = 0; i < pos.size(); ++i) {
    auto source = positives[i].expected.substr(0, positives[i].expected.find(':'));
    if (source == "rigour") source += alphabetic_script(positives[i].text) ? " latin/cyrillic/greek" : " other scripts";
    auto& [found, total] = by_source[source];
    ++total;
    if (quick && pos[i].other > pos[i].expected && pos[i].other >= defaults.match)
      std::printf("wrong %s %s: %s (%.3f, other %s %.3f)\n", source.c_str(), listed[positives[i].expected].c_str(),
                  positives[i].text.c_str(), pos[i].expected, pos[i].other_name.c_str(), pos[i].other);
    if (pos[i].expected >= defaults.review) {
      ++found;
    } else if (quick) {
      std::string read;
      const auto readings = interdict::normalise_name(positives[i].text);
      if (!readings.empty())
        for (const auto& token : readings.front()) read += token + " ";
      std::printf("missed %s %s: %s [%s] (%.3f, other %.3f)\n", source.c_str(), listed[positives[i].expected].c_str(),
                  positives[i].text.c_str(), read.c_str(), pos[i].expected, pos[i].other);
    }
  }
  for (const auto& [source, counts] : by_source)
    std::printf("recall at review for %s: %zu of %zu\n", source.c_str(), counts.first, counts.second);
  std::printf("defaults: match %.2f review %.2f\n", defaults.match, defaults.review);

  if (quick) return 0;
  // Speed: the index against every name scored, the same queries, the same scorer.
  loaded->set_thresholds(defaults);
  std::vector<Query> sample;
  for (std::size_t i = 0; i < positives.size(); i += 5) sample.push_back(positives[i]);
  for (std::size_t i = 0; i < negatives.size(); i += 500) sample.push_back(negatives[i]);
  std::size_t found_index = 0, found_all = 0, labelled = 0;
  cpu = cpu_ms();
  for (const auto& q : sample) {
    const auto o = outcome(loaded->search(q.text, {}, 10), q.expected);
    if (!q.expected.empty()) found_index += o.expected > 0 ? 1 : 0;
  }
  const double index_ms = cpu_ms() - cpu;
  cpu = cpu_ms();
  for (const auto& q : sample) {
    const auto o = outcome(loaded->search_all(q.text, {}, 10), q.expected);
    if (!q.expected.empty()) {
      ++labelled;
      found_all += o.expected > 0 ? 1 : 0;
    }
  }
  const double all_ms = cpu_ms() - cpu;
  std::printf("\nspeed (CPU time) on %zu queries: index %.3f ms/query, brute force %.3f ms/query, speed-up %.0fx\n",
              sample.size(), index_ms / static_cast<double>(sample.size()), all_ms / static_cast<double>(sample.size()),
              all_ms / index_ms);
  std::printf("recall at the review threshold on the %zu labelled of them: index %.4f, brute force %.4f\n", labelled,
              static_cast<double>(found_index) / static_cast<double>(labelled),
              static_cast<double>(found_all) / static_cast<double>(labelled));
  return 0;
}
