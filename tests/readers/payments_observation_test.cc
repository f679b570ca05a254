// PaymentRecord to Observation, and the bundled orders deciding the sample payments: the
// wallet named in a pain.001 remittance reaches the WeChat Pay subject, in US scope.
#include <gtest/gtest.h>

#include <string>

#include "engine/engine.h"
#include "payments_collector.h"

namespace interdict::testing {
namespace {

// Keeps each record's Observation decided while the record's views are alive.
class Decider : public PaymentSink {
 public:
  explicit Decider(const OrderSet& orders) : orders_(orders) {}
  void payment(const PaymentRecord& r) override {
    const Observation obs = to_observation(r, 0);
    probes.emplace_back();
    for (int i = 0; i < obs.probe_count; ++i) probes.back().emplace_back(obs.probes[i].value);
    countries.emplace_back();
    for (int i = 0; i < obs.country_count; ++i) countries.back().emplace_back(obs.countries[i].data(), 2);
    ats.push_back(obs.at);
    const Finding f = orders_.decide(obs);
    std::string subjects;
    for (int i = 0; i < f.match_count; ++i) {
      const Match& m = f.matches[i];
      subjects += m.subject->id + (m.scope == ScopeTest::kInScope ? "@in" : "@out") + " ";
    }
    matched.push_back(subjects);
  }
  void damage(const PaymentDamage&) override { ++damages; }

  std::vector<std::vector<std::string>> probes, countries;
  std::vector<Instant> ats;
  std::vector<std::string> matched;
  int damages = 0;

 private:
  const OrderSet& orders_;
};

TEST(PaymentsObservation, SamplePain001ReachesWeChatPayInUsScope) {
  auto orders = OrderSet::compile_bundled();
  ASSERT_TRUE(orders.has_value()) << orders.error().to_string();
  const std::string text =
      read_file_text(std::string(INTERDICT_SOURCE_DIR) + "/samples/payments/pain001_harbor_lane.xml");
  Decider d(**orders);
  decode_payments(PaymentFormat::kPain001, as_bytes(text), "pain.xml", d);
  ASSERT_EQ(d.damages, 0);
  ASSERT_EQ(d.probes.size(), 4u);
  // The wallet named in the remittance text is a name as written, not an order's id.
  EXPECT_EQ(d.probes[0], (std::vector<std::string>{"WeChat Pay", "腾讯科技（深圳）有限公司", "Harbor Lane Trading LLC",
                                                   "Bayfront Commercial Bank"}));
  EXPECT_EQ(d.countries[0], (std::vector<std::string>{"US", "CN"}));
  EXPECT_EQ(d.ats[0], 1600646400);
  EXPECT_NE(d.matched[0].find("wechat-pay@in"), std::string::npos) << d.matched[0];
  // The bakery payment names nothing designated.
  EXPECT_EQ(d.matched[1].find("wechat-pay"), std::string::npos) << d.matched[1];
}

}  // namespace
}  // namespace interdict::testing
