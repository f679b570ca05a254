// Measures the payment readers on one file: wall time of decode_payments, transactions per
// second and MB/s, and the peak resident memory, printing the transaction count and the
// amount total in cents that peer_etree.py must match before the time counts.
//
// Not in bench/CMakeLists.txt yet (a shared file): build it against the readers library
// as README.md in this folder says.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <span>
#include <string>

#include "readers/payments/payments.h"

namespace {

class Totals : public interdict::PaymentSink {
 public:
  void payment(const interdict::PaymentRecord& r) override {
    ++count;
    std::int64_t cents = r.amount_units;
    for (int s = r.amount_scale; s < 2; ++s) cents *= 10;
    for (int s = r.amount_scale; s > 2; --s) cents /= 10;
    total_cents += cents;
    in_scope_us += interdict::in_scope(r, "US") ? 1 : 0;
  }
  void damage(const interdict::PaymentDamage&) override { ++damaged; }

  std::uint64_t count = 0, damaged = 0, in_scope_us = 0;
  std::int64_t total_cents = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: payments_bench FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(text.data()), text.size());
  const interdict::PaymentFormat format =
      interdict::sniff_payment_format(argv[1], bytes.first(std::min<std::size_t>(bytes.size(), 65536)));
  Totals totals;
  const auto start = std::chrono::steady_clock::now();
  interdict::decode_payments(format, bytes, argv[1], totals);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf(
      "interdict %s: %llu transactions, %lld cents, %llu damaged, %llu in US scope, %.3f s, %.0f tx/s, %.1f MB/s, peak "
      "RSS %ld MiB\n",
      std::string(interdict::payment_format_name(format)).c_str(), static_cast<unsigned long long>(totals.count),
      static_cast<long long>(totals.total_cents), static_cast<unsigned long long>(totals.damaged),
      static_cast<unsigned long long>(totals.in_scope_us), seconds, totals.count / seconds, text.size() / seconds / 1e6,
      usage.ru_maxrss / 1024);
  return 0;
}
