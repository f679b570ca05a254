// Access logs read by a plan compiled from an nginx log_format string (the plan:
// log_format_plan.cc).
//
// A format is literal text and variables: `$remote_addr - $remote_user [$time_local] "$request"`.
// It compiles once into a plan: the literal text before the first variable, then for
// each variable the literal that follows it. A line is read left to right: each value
// runs up to the first occurrence of the literal after it (a `\"` inside a quoted value is
// not its end, as Apache escapes quotes that way), so reading a line costs one memchr per
// field and never allocates. Only the variables that say which host was asked for, by
// whom, from where and when are kept; the others are stepped over.
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "readers/hosting/formats.h"
#include "readers/hosting/log_format_plan.h"
#include "readers/hosting/log_time.h"

namespace interdict {
namespace {

using log_format_detail::Field;
using log_format_detail::Item;

bool has_letter(std::string_view s) {
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

// "-" is how nginx and Apache write an empty value.
std::string_view present(std::string_view v) { return v == "-" ? std::string_view() : v; }

// The host of an absolute-form request target: "GET http://example.com/x HTTP/1.1" and
// "CONNECT example.com:443 HTTP/1.1" name their host; origin-form ("GET /x") does not.
std::string_view host_of_request(std::string_view request) {
  const std::size_t sp = request.find(' ');
  if (sp == std::string_view::npos) return {};
  const std::string_view method = request.substr(0, sp);
  std::string_view target = request.substr(sp + 1);
  target = target.substr(0, target.find(' '));
  if (method == "CONNECT") return target;
  const std::size_t scheme = target.find("://");
  if (scheme == std::string_view::npos || scheme > 8) return {};
  target.remove_prefix(scheme + 3);
  target = target.substr(0, target.find_first_of("/?#"));
  const std::size_t at = target.rfind('@');  // user:password@host
  return at == std::string_view::npos ? target : target.substr(at + 1);
}

// A field's text. Trivial, unlike std::string_view, so an array of them costs nothing to
// create for every line.
struct Span {
  const char* data;
  std::size_t size;
};

struct Values {
  std::uint32_t seen = 0;  // bit i: text[i] holds field i
  // Bit i: text[i] holds no blank, known from its search: the literal after it starts with
  // one and was found at the first blank (fill() then need not look).
  std::uint32_t blank_free = 0;
  Span text[static_cast<std::size_t>(Field::kCount)];
};

class LogFormatParser final : public HostLineParser {
 public:
  LogFormatParser(std::string name, std::string lead, std::vector<Item> items, bool lenient)
      : name_(std::move(name)), lead_(std::move(lead)), items_(std::move(items)), lenient_(lenient) {
    read_items_ = lenient_ ? 0 : items_.size();
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const Field f = items_[i].field;
      has_host_ |= f == Field::kHost || f == Field::kHttpHost || f == Field::kServerName;
      if (lenient_ && f != Field::kIgnored) read_items_ = i + 1;
    }
    // parse_at() reads the fields in place and finds the newline after the last one. It
    // needs a literal after every field it reads (a last field runs to the line's end,
    // which it does not know yet) and literals that cannot hold a line end.
    fused_ = lenient_ && lead_.find_first_of("\r\n") == std::string::npos;
    for (std::size_t i = 0; i < read_items_; ++i) {
      fused_ = fused_ && !items_[i].after.empty() && items_[i].after.find_first_of("\r\n") == std::string::npos;
    }
  }

  std::string_view format_name() const override { return name_; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<LogFormatParser>(*this); }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    if (blank_line(line)) return LineKind::kSkip;
    // Filled as fields are read; `seen` says which hold a value, so the array is not
    // cleared for every line.
    Values values;
    if (line.substr(0, lead_.size()) != lead_) return damaged(why, "expected `" + lead_ + "` at the start");
    std::size_t p = lead_.size();
    // A lenient layout allows any text after its fields, so reading stops after the last
    // field it uses: the referer and user agent of a combined log are most of its bytes.
    for (std::size_t i = 0; i < read_items_; ++i) {
      const Item& item = items_[i];
      bool first_try = false;
      std::size_t end;
      if (item.after.empty()) {
        end = lenient_ ? std::min(line.find(' ', p), line.size()) : line.size();
      } else {
        end = find_literal<false>(line, p, item.after, first_try);
        if (end == std::string_view::npos) {
          return damaged(why, "expected `" + item.after + "` after $" + item.var);
        }
      }
      const auto bit = 1u << static_cast<unsigned>(item.field);
      if ((values.seen & bit) == 0) {
        values.seen |= bit;
        values.text[static_cast<std::size_t>(item.field)] = Span{line.data() + p, end - p};
        if (first_try && !item.after.empty() && item.after.front() == ' ') values.blank_free |= bit;
      }
      p = end + item.after.size();
    }
    if (p < line.size() && !lenient_) return damaged(why, "text after the last field");
    return fill(values, out, why);
  }

  LineKind parse_at(const char* begin, const char* end, HostRecord& out, std::string* why, std::string_view& text,
                    const char*& next) override {
    // A line that may be blank, and every line the walk below cannot read, go the plain
    // way: parse() of the whole line gives the answer, and the message when it is damaged.
    const char first = *begin;
    if (!fused_ || first == ' ' || first == '\t' || first == '\r' || first == '\n') {
      return HostLineParser::parse_at(begin, end, out, why, text, next);
    }
    // The rest of the input from `begin`: every search below stops at a newline, so what
    // it finds lies in this line, where parse() would find it.
    const std::string_view rest(begin, static_cast<std::size_t>(end - begin));
    Values values;
    if (rest.substr(0, lead_.size()) != lead_) return HostLineParser::parse_at(begin, end, out, why, text, next);
    std::size_t p = lead_.size();
    for (std::size_t i = 0; i < read_items_; ++i) {
      const Item& item = items_[i];
      bool first_try = false;
      const std::size_t stop = find_literal<true>(rest, p, item.after, first_try);
      if (stop == std::string_view::npos) return HostLineParser::parse_at(begin, end, out, why, text, next);
      const auto bit = 1u << static_cast<unsigned>(item.field);
      if ((values.seen & bit) == 0) {
        values.seen |= bit;
        values.text[static_cast<std::size_t>(item.field)] = Span{begin + p, stop - p};
        if (first_try && item.after.front() == ' ') values.blank_free |= bit;
      }
      p = stop + item.after.size();
    }
    // INVARIANT: no newline in rest[0, p); the fields found are parse()'s.
    text = line_at(begin + p, end, next);
    text = std::string_view(begin, static_cast<std::size_t>(text.data() + text.size() - begin));
    return fill(values, out, why);
  }

 private:
  // Where `lit` next starts in `line` at or after `from`, skipping quotes escaped with a
  // backslash; npos when nowhere. Fields are mostly short, so the search runs inline 16
  // bytes at a time (SSE2, in every x86-64) rather than through a call to memchr.
  // With kToNewline, a newline ends the search as if `line` ended there. `first_try` says
  // whether the first `lit[0]` after `from` was the literal: then the text before it holds
  // no `lit[0]`. REQUIRES: with kToNewline, `lit` holds no newline.
  template <bool kToNewline>
  static std::size_t find_literal(std::string_view line, std::size_t from, std::string_view lit, bool& first_try) {
    const char first = lit.front();
    first_try = true;
    while (from < line.size()) {
      const std::size_t at = find_char<kToNewline>(line.data(), from, line.size(), first);
      if (at == std::string_view::npos || (kToNewline && line[at] == '\n')) return std::string_view::npos;
      if (matches_at(line, at, lit) && !(first == '"' && escaped(line, at))) return at;
      first_try = false;
      from = at + 1;
    }
    return std::string_view::npos;
  }

  // The first `c` in data[from, size); with kToNewline, the first `c` or newline.
  template <bool kToNewline>
  static std::size_t find_char(const char* data, std::size_t from, std::size_t size, char c) {
    std::size_t i = from;
#if defined(__SSE2__)
    // Broadcast from a register: _mm_set1_epi8 goes through the stack here, a byte store
    // read back as a word, which stalls store forwarding on every call.
    const __m128i needle = _mm_set1_epi32(static_cast<int>(0x01010101u * static_cast<unsigned char>(c)));
    const __m128i newline = _mm_set1_epi32(0x0a0a0a0a);
    // 32 bytes a step: most fields end within the first, so the loop's exit is predicted;
    // 16 at a time, a field ending in the first or the second block mispredicts often.
    for (; i + 32 <= size; i += 32) {
      const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 16));
      __m128i low_hits = _mm_cmpeq_epi8(low, needle);
      __m128i high_hits = _mm_cmpeq_epi8(high, needle);
      if constexpr (kToNewline) {
        low_hits = _mm_or_si128(low_hits, _mm_cmpeq_epi8(low, newline));
        high_hits = _mm_or_si128(high_hits, _mm_cmpeq_epi8(high, newline));
      }
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(low_hits)) |
                            (static_cast<unsigned>(_mm_movemask_epi8(high_hits)) << 16);
      if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    }
    for (; i + 16 <= size; i += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      __m128i hits = _mm_cmpeq_epi8(block, needle);
      if constexpr (kToNewline) hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, newline));
      const int mask = _mm_movemask_epi8(hits);
      if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    for (; i < size; ++i) {
      if (data[i] == c || (kToNewline && data[i] == '\n')) return i;
    }
    return std::string_view::npos;
  }

  // True when `lit` is at line[at...]. REQUIRES: line[at] == lit[0].
  static bool matches_at(std::string_view line, std::size_t at, std::string_view lit) {
    if (line.size() - at < lit.size()) return false;
    for (std::size_t i = 1; i < lit.size(); ++i) {
      if (line[at + i] != lit[i]) return false;
    }
    return true;
  }

  // True when an odd number of backslashes precede line[at].
  static bool escaped(std::string_view line, std::size_t at) {
    std::size_t n = 0;
    while (at > n && line[at - n - 1] == '\\') ++n;
    return n % 2 == 1;
  }

  // Inlined into both callers: a call per line costs more than the copy.
  [[gnu::always_inline]] LineKind fill(const Values& v, HostRecord& out, std::string* why) {
    auto at = [&v](Field f) {
      const auto i = static_cast<std::size_t>(f);
      return (v.seen & (1u << i)) != 0 ? std::string_view(v.text[i].data, v.text[i].size) : std::string_view();
    };
    out = HostRecord{};
    for (Field f : {Field::kHost, Field::kHttpHost, Field::kServerName}) {
      if (!present(at(f)).empty()) {
        out.host = at(f);
        break;
      }
    }
    if (out.host.empty() && !has_host_) out.host = host_of_request(at(Field::kRequest));
    // A host appended after a standard format must look like one: a number there is
    // more likely $request_time.
    if (lenient_ && has_host_ && !out.host.empty() && !has_letter(out.host) &&
        out.host.find(':') == std::string_view::npos && items_.back().field == Field::kHost) {
      return damaged(why, "`" + std::string(out.host) + "` is not a host name");
    }
    out.client = present(at(Field::kRemoteAddr));
    // A blank in an address means the line has more leading fields than the format.
    const bool blank_free = (v.blank_free & (1u << static_cast<unsigned>(Field::kRemoteAddr))) != 0;
    if (!blank_free && out.client.find(' ') != out.client.npos)
      return damaged(why, "a blank in the client address: more fields than the format has");
    if (out.client.empty()) {
      const std::string_view xff = present(at(Field::kForwardedFor));
      out.client = xff.substr(0, xff.find(','));
    }
    const std::string_view country = at(Field::kCountry);
    if (country.size() == 2) out.country = country;
    const std::string_view status = at(Field::kStatus);
    if (status != "-") {
      for (char c : status) {
        if (c < '0' || c > '9') return damaged(why, "status `" + std::string(status) + "` is not a number");
      }
    }
    if (!at(Field::kTimeLocal).empty()) {
      out.has_time = clf_.parse(at(Field::kTimeLocal), out.at);
      if (!out.has_time) return damaged(why, "bad time `" + std::string(at(Field::kTimeLocal)) + "`");
    } else if (!at(Field::kTimeIso).empty()) {
      out.has_time = iso_.parse(at(Field::kTimeIso), out.at);
      if (!out.has_time) return damaged(why, "bad time `" + std::string(at(Field::kTimeIso)) + "`");
    } else if (!at(Field::kMsec).empty()) {
      out.has_time = parse_epoch_seconds(at(Field::kMsec), out.at);
      if (!out.has_time) return damaged(why, "bad time `" + std::string(at(Field::kMsec)) + "`");
    }
    return LineKind::kRecord;
  }

  std::string name_;
  std::string lead_;
  std::vector<Item> items_;
  bool lenient_;
  std::size_t read_items_ = 0;  // the items read: all, or up to the last one used when lenient
  bool has_host_ = false;
  bool fused_ = false;  // parse_at() reads in place (see the constructor)
  ClfTimeParser clf_;
  IsoTimeParser iso_;
};

}  // namespace

namespace log_format_detail {

std::unique_ptr<HostLineParser> make_plan_parser(std::string name, std::string lead, std::vector<Item> items,
                                                 bool lenient) {
  return std::make_unique<LogFormatParser>(std::move(name), std::move(lead), std::move(items), lenient);
}

}  // namespace log_format_detail
}  // namespace interdict
