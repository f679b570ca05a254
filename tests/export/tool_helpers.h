// Helpers for the tests that load exports into the real tools: finding a tool (and failing
// with the Debian package to install when it is missing), running a command, a free local
// port, a server process owned by the test, and a minimal DNS query over UDP.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace interdict::testing {

// A folder under $TMPDIR, readable by all (FRR drops privileges to its own user), removed
// with its contents at the end.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "interdict-export-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    ::chmod(pattern.c_str(), 0755);
    path_ = pattern;
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string write(const std::string& name, std::string_view text) const {
    const std::string path = file(name);
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    ::chmod(path.c_str(), 0644);
    return path;
  }
  [[nodiscard]] std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// The full path of `tool`, searched in PATH and in the sbin and FRR folders that a
// non-root PATH lacks. Fails the test, naming the Debian package, when it is missing.
inline std::optional<std::string> require_tool(const std::string& tool, const std::string& package) {
  std::vector<std::string> dirs;
  if (const char* path = std::getenv("PATH")) {
    std::string p = path;
    for (std::size_t start = 0; start <= p.size();) {
      std::size_t end = p.find(':', start);
      if (end == std::string::npos) end = p.size();
      dirs.push_back(p.substr(start, end - start));
      start = end + 1;
    }
  }
  for (const char* extra : {"/usr/sbin", "/sbin", "/usr/lib/frr"}) dirs.push_back(extra);
  for (const std::string& dir : dirs) {
    const std::string candidate = dir + "/" + tool;
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  ADD_FAILURE() << "`" << tool << "` is not installed: apt-get install " << package
                << " (scripts/setup.sh deps installs it)";
  return std::nullopt;
}

inline std::string quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct ToolRun {
  int exit_code = -1;
  std::string output;  // standard output and standard error together
};

// Runs `command` with /bin/sh, standard input from /dev/null.
inline ToolRun run(const std::string& command) {
  ToolRun r;
  FILE* pipe = ::popen((command + " </dev/null 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// A port on 127.0.0.1 that is free for both UDP and TCP at the time of the call.
inline int free_port() {
  for (int attempt = 0; attempt < 50; ++attempt) {
    const int udp = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(udp, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(udp, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      ::close(udp);
      continue;
    }
    const int tcp = ::socket(AF_INET, SOCK_STREAM, 0);
    const bool ok = ::bind(tcp, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(tcp);
    ::close(udp);
    if (ok) return ntohs(addr.sin_port);
  }
  ADD_FAILURE() << "no free port on 127.0.0.1";
  return 0;
}

// A process the test starts and kills: its standard output and error go to `log`.
class Process {
 public:
  Process(std::vector<std::string> argv, std::string log) : log_(std::move(log)) {
    pid_ = ::fork();
    if (pid_ == 0) {
      const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) {
        ::dup2(fd, 1);
        ::dup2(fd, 2);
      }
      std::vector<char*> args;
      for (std::string& a : argv) args.push_back(a.data());
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process() { stop(); }

  [[nodiscard]] bool running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return false;
    }
    return true;
  }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 50; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  [[nodiscard]] std::string log() const {
    std::ifstream in(log_);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

 private:
  pid_t pid_ = -1;
  std::string log_;
};

struct DnsReply {
  int rcode = -1;   // 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN; -1 no reply
  int answers = 0;  // ANCOUNT
};

inline constexpr std::uint16_t kTypeA = 1;
inline constexpr std::uint16_t kTypeTxt = 16;

// One DNS question over UDP to 127.0.0.1:port (RFC 1035 4.1), waiting up to `timeout`.
inline DnsReply dns_query(int port, std::string_view name, std::uint16_t qtype,
                          std::chrono::milliseconds timeout = std::chrono::milliseconds(3000)) {
  static std::uint16_t next_id = 0x4d31;
  const std::uint16_t id = ++next_id;
  std::string packet = {static_cast<char>(id >> 8), static_cast<char>(id & 0xff), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0};
  for (std::size_t start = 0; start < name.size();) {
    std::size_t end = name.find('.', start);
    if (end == std::string_view::npos) end = name.size();
    packet += static_cast<char>(end - start);
    packet += name.substr(start, end - start);
    start = end + 1;
  }
  packet += '\0';
  packet += {static_cast<char>(qtype >> 8), static_cast<char>(qtype & 0xff), 0, 1};

  DnsReply reply;
  const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::sendto(fd, packet.data(), packet.size(), 0, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (::poll(&p, 1, static_cast<int>(std::max<std::int64_t>(1, left.count()))) <= 0) break;
    unsigned char buf[4096];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n < 12 || ((buf[0] << 8) | buf[1]) != id) continue;
    reply.rcode = buf[3] & 0x0f;
    reply.answers = (buf[6] << 8) | buf[7];
    break;
  }
  ::close(fd);
  return reply;
}

}  // namespace interdict::testing
