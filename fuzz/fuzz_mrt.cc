// libFuzzer target for the MRT reader, decoder and bgpdump text: any bytes are framed,
// every record decoded, every event printed. A valid PEER_INDEX_TABLE is put first when
// the first byte is odd, so that RIB records reach their entries.
#include <cstddef>
#include <cstdint>
#include <string>

#include "readers/mrt/bgpdump.h"
#include "readers/mrt/mrt.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string bytes;
  if (data[0] & 1) {
    // Two peers: 192.0.2.1 AS 64496 (IPv4, 2-byte AS) and 2001:db8::1 AS 396986 (IPv6, 4-byte).
    static const unsigned char kPeers[] = {0,   0,   0,    0,   0, 13,   0, 1,   0,    0,    0,    44,  // header
                                           192, 0,   2,    1,   0, 0,    0, 2,  // collector, no name, 2 peers
                                           0,   192, 0,    2,   1, 192,  0, 2,   1,    0xfb, 0xf0,  // peer 0
                                           3,   192, 0,    2,   2, 0x20, 1, 0xd, 0xb8, 0,    0,    0,
                                           0,   0,   0,    0,   0, 0,    0, 0,   1,  // peer 1
                                           0,   6,   0x0e, 0xba};
    bytes.assign(reinterpret_cast<const char*>(kPeers), sizeof kPeers);
  }
  bytes.append(reinterpret_cast<const char*>(data + 1), size - 1);
  (void)interdict::mrt::sniff_mrt(bytes);
  auto reader = interdict::mrt::MrtReader::from_source(interdict::ByteSource::from_string(bytes));
  interdict::mrt::MrtDecoder decoder;
  interdict::mrt::RecordHeader header;
  std::span<const std::uint8_t> body;
  std::string out;
  while (reader->next(header, body)) {
    (void)decoder.decode(header, body, [&](const interdict::mrt::RouteEvent& e) {
      interdict::mrt::append_bgpdump_line(e, out);
      if (e.attributes != nullptr) (void)e.attributes->as_path.origin();
      if (out.size() > (1 << 16)) out.clear();
    });
  }
  return 0;
}
