// LineSource: lines from memory and from disk, their numbers and offsets, line endings,
// lines longer than a read block, and files that cannot be opened or read.
#include "readers/common/line_source.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace interdict {
namespace {

struct Line {
  std::string text;
  std::uint64_t number;
  std::uint64_t offset;
  bool operator==(const Line&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Line& l) {
  return os << "{" << l.number << "@" << l.offset << ": `" << l.text.substr(0, 40) << "` (" << l.text.size() << ")}";
}

std::vector<Line> all_lines(LineSource& source) {
  std::vector<Line> out;
  std::string_view line;
  while (source.next(line)) out.push_back({std::string(line), source.line_number(), source.offset()});
  return out;
}

std::vector<Line> lines_of(std::string_view text) { return all_lines(*LineSource::from_string(text)); }

// A file under $TMPDIR, removed when the object goes.
class TempFile {
 public:
  explicit TempFile(std::string_view contents) {
    std::string pattern = (std::filesystem::temp_directory_path() / "interdict-lines-XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    EXPECT_GE(fd, 0);
    if (fd >= 0) ::close(fd);
    path_ = pattern;
    std::ofstream out(path_, std::ios::binary);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { std::filesystem::remove(path_); }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::unique_ptr<LineSource> open_file(const TempFile& file) {
  auto source = LineSource::open(file.path());
  EXPECT_TRUE(source.has_value()) << source.error().to_string();
  return std::move(*source);
}

TEST(LineSource, LinesNumbersAndOffsets) {
  EXPECT_EQ(lines_of("ab\ncde\nf\n"), (std::vector<Line>{{"ab", 1, 0}, {"cde", 2, 3}, {"f", 3, 7}}));
}

TEST(LineSource, CrlfIsStripped) {
  EXPECT_EQ(lines_of("ab\r\ncde\r\n"), (std::vector<Line>{{"ab", 1, 0}, {"cde", 2, 4}}));
}

TEST(LineSource, MixedLineEndings) {
  EXPECT_EQ(lines_of("a\r\nb\nc\r\n"), (std::vector<Line>{{"a", 1, 0}, {"b", 2, 3}, {"c", 3, 5}}));
}

TEST(LineSource, CarriageReturnInsideALineIsKept) {
  EXPECT_EQ(lines_of("a\rb\n\r\r\n"), (std::vector<Line>{{"a\rb", 1, 0}, {"\r", 2, 4}}));
}

TEST(LineSource, NoFinalNewline) { EXPECT_EQ(lines_of("ab\ncd"), (std::vector<Line>{{"ab", 1, 0}, {"cd", 2, 3}})); }

TEST(LineSource, NoFinalNewlineAfterCarriageReturn) {
  EXPECT_EQ(lines_of("ab\r\ncd\r"), (std::vector<Line>{{"ab", 1, 0}, {"cd", 2, 4}}));
}

TEST(LineSource, EmptyInputHasNoLine) {
  auto source = LineSource::from_string("");
  std::string_view line = "untouched";
  EXPECT_FALSE(source->next(line));
  EXPECT_FALSE(source->next(line));
  EXPECT_EQ(source->line_number(), 0u);
  EXPECT_EQ(source->bytes_read(), 0u);
  EXPECT_FALSE(source->error().has_value());
}

TEST(LineSource, LoneNewlineIsOneEmptyLine) { EXPECT_EQ(lines_of("\n"), (std::vector<Line>{{"", 1, 0}})); }

TEST(LineSource, BlankLinesAreCounted) {
  EXPECT_EQ(lines_of("a\n\n\nb"), (std::vector<Line>{{"a", 1, 0}, {"", 2, 2}, {"", 3, 3}, {"b", 4, 4}}));
}

TEST(LineSource, NulBytesStayInTheLine) {
  std::string text("a\0b\nc", 5);
  EXPECT_EQ(lines_of(text), (std::vector<Line>{{std::string("a\0b", 3), 1, 0}, {"c", 2, 4}}));
}

TEST(LineSource, BytesReadCountsTheLineEnding) {
  auto source = LineSource::from_string("ab\r\ncd");
  std::string_view line;
  ASSERT_TRUE(source->next(line));
  EXPECT_EQ(source->bytes_read(), 4u);
  ASSERT_TRUE(source->next(line));
  EXPECT_EQ(source->bytes_read(), 6u);
  EXPECT_FALSE(source->next(line));
}

TEST(LineSource, LastLineIsFollowedByZeroPadding) {
  auto source = LineSource::from_string("{}\n[1]");
  std::string_view line;
  ASSERT_TRUE(source->next(line));
  ASSERT_TRUE(source->next(line));
  ASSERT_EQ(line, "[1]");
  for (std::size_t i = 0; i < LineSource::kPadding; ++i) EXPECT_EQ(line.data()[line.size() + i], '\0') << i;
}

TEST(LineSource, MemorySourceIsNamed) { EXPECT_EQ(LineSource::from_string("x")->name(), "<memory>"); }

TEST(LineSource, FileLinesNumbersAndOffsets) {
  TempFile file("one\r\ntwo\n\nfour");
  auto source = open_file(file);
  EXPECT_EQ(source->name(), file.path());
  EXPECT_EQ(all_lines(*source), (std::vector<Line>{{"one", 1, 0}, {"two", 2, 5}, {"", 3, 9}, {"four", 4, 10}}));
  EXPECT_EQ(source->bytes_read(), 14u);
  EXPECT_FALSE(source->error().has_value());
}

TEST(LineSource, EmptyFileHasNoLine) {
  TempFile file("");
  auto source = open_file(file);
  std::string_view line;
  EXPECT_FALSE(source->next(line));
  EXPECT_FALSE(source->error().has_value());
}

TEST(LineSource, LineLongerThanABlockOnDisk) {
  const std::size_t long1 = LineSource::kBlockSize + 1000;
  const std::size_t long3 = 2 * LineSource::kBlockSize + 7;
  std::string text = std::string(long1, 'a') + "\nshort\r\n" + std::string(long3, 'b');
  TempFile file(text);
  auto source = open_file(file);
  std::string_view line;

  ASSERT_TRUE(source->next(line));
  EXPECT_EQ(line.size(), long1);
  EXPECT_TRUE(std::all_of(line.begin(), line.end(), [](char c) { return c == 'a'; }));
  EXPECT_EQ(source->line_number(), 1u);
  EXPECT_EQ(source->offset(), 0u);

  ASSERT_TRUE(source->next(line));
  EXPECT_EQ(line, "short");
  EXPECT_EQ(source->line_number(), 2u);
  EXPECT_EQ(source->offset(), long1 + 1);

  ASSERT_TRUE(source->next(line));
  EXPECT_EQ(line.size(), long3);
  EXPECT_TRUE(std::all_of(line.begin(), line.end(), [](char c) { return c == 'b'; }));
  EXPECT_EQ(source->line_number(), 3u);
  EXPECT_EQ(source->offset(), long1 + 1 + 7);
  // The padding promise holds after a line that filled several blocks.
  for (std::size_t i = 0; i < LineSource::kPadding; ++i) ASSERT_EQ(line.data()[line.size() + i], '\0') << i;

  EXPECT_FALSE(source->next(line));
  EXPECT_EQ(source->bytes_read(), text.size());
  EXPECT_FALSE(source->error().has_value());
}

TEST(LineSource, ManyLinesAcrossBlockBoundaries) {
  // About 1.5 blocks of numbered lines of varying length, so that lines straddle the
  // boundaries of the reads.
  std::string text;
  std::vector<Line> expected;
  for (std::uint64_t n = 1; text.size() < LineSource::kBlockSize * 3 / 2; ++n) {
    std::string line = "line " + std::to_string(n) + std::string(n % 97, '.');
    expected.push_back({line, n, text.size()});
    text += line + (n % 3 == 0 ? "\r\n" : "\n");
  }
  TempFile file(text);
  auto source = open_file(file);
  std::vector<Line> got = all_lines(*source);
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i], expected[i]) << i;
}

TEST(LineSource, CrlfSplitAcrossTheFirstBlock) {
  // The '\r' is the last byte of the first read and its '\n' the first of the second.
  std::string text = std::string(LineSource::kBlockSize - 1, 'x') + "\r\ny";
  ASSERT_EQ(text[LineSource::kBlockSize - 1], '\r');
  TempFile file(text);
  auto source = open_file(file);
  std::vector<Line> got = all_lines(*source);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].text.size(), LineSource::kBlockSize - 1);
  EXPECT_EQ(got[0].text.back(), 'x');
  EXPECT_EQ(got[1], (Line{"y", 2, LineSource::kBlockSize + 1}));
}

TEST(LineSource, MissingFileIsNotFound) {
  auto source = LineSource::open("/nonexistent/interdict/lines.jsonl");
  ASSERT_FALSE(source.has_value());
  EXPECT_EQ(source.error().category(), ErrorCategory::kNotFound);
  EXPECT_NE(source.error().message().find("cannot open `/nonexistent/interdict/lines.jsonl`"), std::string::npos)
      << source.error().message();
}

TEST(LineSource, FolderIsRefusedWhenOpened) {
  auto source = LineSource::open(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(source.has_value());
  EXPECT_EQ(source.error().category(), ErrorCategory::kIo);
  EXPECT_NE(source.error().message().find("is a folder"), std::string::npos) << source.error().message();
}

TEST(LineSource, StandardInputIsNamed) {
  auto source = LineSource::open("-");
  ASSERT_TRUE(source.has_value());
  EXPECT_EQ((*source)->name(), "<stdin>");
}

// ---- ChunkSource: whole-line chunks for worker threads ----

struct ChunkedLine {
  std::string text;
  std::uint64_t number;
  bool operator==(const ChunkedLine&) const = default;
};

std::ostream& operator<<(std::ostream& os, const ChunkedLine& l) {
  return os << "{" << l.number << ": `" << l.text.substr(0, 40) << "` (" << l.text.size() << ")}";
}

// Every line of every chunk, filling `chunks` in turn as the check command does.
std::vector<ChunkedLine> chunked_lines(const std::string& path, std::size_t chunks) {
  auto source = ChunkSource::open(path);
  EXPECT_TRUE(source.has_value());
  if (!source) return {};
  std::vector<LineChunk> pool(chunks);
  std::vector<ChunkedLine> out;
  for (std::size_t i = 0;; i = (i + 1) % chunks) {
    if (!(*source)->next(pool[i])) break;
    const LineChunk& c = pool[i];
    for (std::size_t p = 0; p < LineSource::kPadding; ++p) EXPECT_EQ(c.bytes[c.size + p], '\0');
    c.for_each_line([&](std::string_view line, std::uint64_t n) { out.push_back({std::string(line), n}); });
  }
  EXPECT_FALSE((*source)->error().has_value());
  return out;
}

TEST(ChunkSource, LinesAndNumbersAcrossChunks) {
  std::string text;
  std::vector<ChunkedLine> expected;
  for (std::uint64_t n = 1; text.size() < ChunkSource::kChunkSize * 5 / 2; ++n) {
    std::string line = "line " + std::to_string(n) + std::string(n % 89, '.');
    expected.push_back({line, n});
    text += line + (n % 4 == 0 ? "\r\n" : "\n");
  }
  text += "last";
  expected.push_back({"last", expected.size() + 1});
  TempFile file(text);
  std::vector<ChunkedLine> got = chunked_lines(file.path(), 2);
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i], expected[i]) << i;
}

TEST(ChunkSource, LinesLongerThanAChunkInTurnsOfChunks) {
  // A long line grows one chunk's buffer; the start of the next long line, carried over to
  // the next chunk, must fit that chunk too.
  const std::size_t n = ChunkSource::kChunkSize * 3;
  std::string text = std::string(n, 'a') + "\n" + std::string(n, 'b') + "\n" + std::string(n, 'c') + "\nend\n";
  TempFile file(text);
  std::vector<ChunkedLine> got = chunked_lines(file.path(), 4);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0], (ChunkedLine{std::string(n, 'a'), 1}));
  EXPECT_EQ(got[1], (ChunkedLine{std::string(n, 'b'), 2}));
  EXPECT_EQ(got[2], (ChunkedLine{std::string(n, 'c'), 3}));
  EXPECT_EQ(got[3], (ChunkedLine{"end", 4}));
}

TEST(ChunkSource, MissingFileIsNotFound) {
  auto source = ChunkSource::open("/nonexistent/interdict/lines.jsonl");
  ASSERT_FALSE(source.has_value());
  EXPECT_EQ(source.error().category(), ErrorCategory::kNotFound);
}

}  // namespace
}  // namespace interdict
