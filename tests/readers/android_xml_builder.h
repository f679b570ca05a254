// Writers of AndroidManifest.xml for tests, from one element tree: Android's binary XML
// (UTF-16 or UTF-8 string pool, with or without a resource map), as aapt writes it in an
// APK, and aapt2's protobuf XmlNode, as an AAB holds it. Formats:
// src/readers/android/axml_format.h and proto_xml.cc.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dex_builder.h"
#include "readers/android/axml_format.h"

namespace interdict::testing::axml {

using dex::Bytes;
namespace f = interdict::android::axml;

struct Attr {
  std::string name;
  std::string value;  // a string value; empty with `number` for an integer
  std::uint32_t id = 0;
  bool android = true;
  bool reference = false;  // the value is a @reference (data = 0x7f010000)
};
struct Element {
  std::string name;
  std::vector<Attr> attrs;
  std::vector<Element> children;
};

inline Attr name_attr(const std::string& v) { return {"name", v, f::kAttrName}; }
inline Attr scheme_attr(const std::string& v) { return {"scheme", v, f::kAttrScheme}; }

// The WeChat-integrating shop app of the tests.
inline Element wechat_manifest() {
  Element intent{"intent-filter",
                 {},
                 {{"action", {name_attr("android.intent.action.VIEW")}, {}}, {"data", {scheme_attr("shopapp")}, {}}}};
  Element application{"application",
                      {{"label", "Shop", 0x01010001}},
                      {{"activity", {name_attr(".MainActivity")}, {intent}},
                       {"activity", {name_attr("com.example.shop.wxapi.WXEntryActivity")}, {}},
                       {"activity-alias", {name_attr("Alias")}, {}},
                       {"service", {name_attr(".PushService")}, {}},
                       {"receiver", {name_attr("com.tencent.mm.opensdk.receiver.AppRegister")}, {}},
                       {"provider", {name_attr(".Files"), {"authorities", "com.example.shop.files", 0x01010018}}, {}}}};
  Element queries{
      "queries",
      {},
      {{"package", {name_attr("com.tencent.mm")}, {}},
       {"intent",
        {},
        {{"action", {name_attr("android.intent.action.VIEW")}, {}}, {"data", {scheme_attr("weixin")}, {}}}}}};
  return {"manifest",
          {{"versionCode", "", f::kAttrVersionCode},
           {"versionName", "2.4.1", f::kAttrVersionName},
           {"package", "com.example.shop", 0, false}},
          {{"uses-sdk", {{"minSdkVersion", "", 0x0101020c}}, {}}, queries, application}};
}

class BinaryXmlWriter {
 public:
  Bytes write(const Element& root, bool utf8, bool resource_map) {
    collect_ids(root);
    intern(f::kAndroidNamespace);
    intern("android");
    collect_rest(root);
    Bytes body = pool(utf8);
    if (resource_map && !ids_.empty()) {
      Bytes map = chunk_header(f::kResourceMapType, 8, 8 + 4 * ids_.size());
      for (auto id : ids_) dex::put_u32(map, id);
      body.insert(body.end(), map.begin(), map.end());
    }
    node(body, f::kStartNamespaceType, {index("android"), index(f::kAndroidNamespace)});
    element(body, root);
    node(body, f::kEndNamespaceType, {index("android"), index(f::kAndroidNamespace)});
    Bytes out = chunk_header(f::kXmlType, 8, 8 + body.size());
    out.insert(out.end(), body.begin(), body.end());
    return out;
  }

  std::uint32_t index(const std::string& s) const { return strings_index_.at(s); }

 private:
  static Bytes chunk_header(std::uint16_t type, std::uint16_t header, std::size_t size) {
    Bytes b(8);
    dex::put_u16_at(b, 0, type);
    dex::put_u16_at(b, 2, header);
    dex::put_u32_at(b, 4, static_cast<std::uint32_t>(size));
    return b;
  }
  void intern(const std::string& s) {
    if (strings_index_.count(s) == 0) {
      strings_index_[s] = static_cast<std::uint32_t>(strings_.size());
      strings_.push_back(s);
    }
  }
  // Attribute names with resource ids come first: the resource map covers strings 0..n-1.
  void collect_ids(const Element& e) {
    for (const auto& a : e.attrs) {
      if (a.id != 0 && strings_index_.count(a.name) == 0) {
        intern(a.name);
        ids_.push_back(a.id);
      }
    }
    for (const auto& c : e.children) collect_ids(c);
  }
  void collect_rest(const Element& e) {
    intern(e.name);
    for (const auto& a : e.attrs) {
      intern(a.name);
      if (!a.value.empty()) intern(a.value);
    }
    for (const auto& c : e.children) collect_rest(c);
  }
  Bytes pool(bool utf8) const {
    Bytes data;
    std::vector<std::uint32_t> offsets;
    for (const auto& s : strings_) {
      offsets.push_back(static_cast<std::uint32_t>(data.size()));
      if (utf8) {
        data.push_back(std::byte(s.size()));  // the tests' strings are ASCII and short
        data.push_back(std::byte(s.size()));
        for (char c : s) data.push_back(std::byte(c));
        data.push_back(std::byte{0});
      } else {
        data.resize(data.size() + 2);
        dex::put_u16_at(data, data.size() - 2, static_cast<std::uint32_t>(s.size()));
        for (char c : s) {
          data.resize(data.size() + 2);
          dex::put_u16_at(data, data.size() - 2, static_cast<unsigned char>(c));
        }
        data.resize(data.size() + 2);
      }
    }
    while (data.size() % 4 != 0) data.push_back(std::byte{0});
    const std::size_t start = f::kStringPoolHeaderSize + 4 * strings_.size();
    Bytes b = chunk_header(f::kStringPoolType, f::kStringPoolHeaderSize, start + data.size());
    dex::put_u32(b, static_cast<std::uint32_t>(strings_.size()));
    dex::put_u32(b, 0);
    dex::put_u32(b, utf8 ? f::kUtf8Flag : 0);
    dex::put_u32(b, static_cast<std::uint32_t>(start));
    dex::put_u32(b, 0);
    for (auto o : offsets) dex::put_u32(b, o);
    b.insert(b.end(), data.begin(), data.end());
    return b;
  }
  void node(Bytes& out, std::uint16_t type, std::vector<std::uint32_t> ext) {
    Bytes b = chunk_header(type, f::kNodeHeaderSize, f::kNodeHeaderSize + 4 * ext.size());
    dex::put_u32(b, 1);            // line
    dex::put_u32(b, f::kNoIndex);  // comment
    for (auto v : ext) dex::put_u32(b, v);
    out.insert(out.end(), b.begin(), b.end());
  }
  void element(Bytes& out, const Element& e) {
    const std::size_t size = f::kNodeHeaderSize + f::kAttrExtSize + f::kAttributeSize * e.attrs.size();
    Bytes b = chunk_header(f::kStartElementType, f::kNodeHeaderSize, size);
    dex::put_u32(b, 1);
    dex::put_u32(b, f::kNoIndex);
    dex::put_u32(b, f::kNoIndex);
    dex::put_u32(b, index(e.name));
    b.resize(b.size() + 12);
    dex::put_u16_at(b, b.size() - 12, f::kAttrExtSize);
    dex::put_u16_at(b, b.size() - 10, f::kAttributeSize);
    dex::put_u16_at(b, b.size() - 8, static_cast<std::uint32_t>(e.attrs.size()));
    for (const auto& a : e.attrs) {
      dex::put_u32(b, a.android ? index(f::kAndroidNamespace) : f::kNoIndex);
      dex::put_u32(b, index(a.name));
      const bool string = !a.value.empty() && !a.reference;
      dex::put_u32(b, string ? index(a.value) : f::kNoIndex);
      dex::put_u32(b, 8u | std::uint32_t{a.reference ? f::kTypeReference
                                         : string    ? f::kTypeString
                                                     : f::kTypeIntDec}
                               << 24);
      dex::put_u32(b, a.reference ? 0x7f010000 : string ? index(a.value) : 7);
    }
    out.insert(out.end(), b.begin(), b.end());
    for (const auto& c : e.children) element(out, c);
    node(out, f::kEndElementType, {f::kNoIndex, index(e.name)});
  }

  std::vector<std::string> strings_;
  std::map<std::string, std::uint32_t> strings_index_;
  std::vector<std::uint32_t> ids_;
};

inline Bytes build_binary_xml(const Element& root, bool utf8 = false, bool resource_map = true) {
  return BinaryXmlWriter().write(root, utf8, resource_map);
}

// Protobuf: key, then a length-delimited payload or a varint.
inline void put_varint(Bytes& b, std::uint64_t v) {
  do {
    std::uint8_t byte = v & 0x7F;
    v >>= 7;
    if (v != 0) byte |= 0x80;
    b.push_back(std::byte(byte));
  } while (v != 0);
}
inline void put_bytes_field(Bytes& b, std::uint32_t number, const Bytes& payload) {
  put_varint(b, number << 3 | 2);
  put_varint(b, payload.size());
  b.insert(b.end(), payload.begin(), payload.end());
}
inline void put_string_field(Bytes& b, std::uint32_t number, const std::string& s) {
  Bytes payload(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) payload[i] = std::byte(static_cast<unsigned char>(s[i]));
  put_bytes_field(b, number, payload);
}

// An XmlNode holding `e`, as aapt2 writes it.
inline Bytes build_proto_xml(const Element& e) {
  Bytes element;
  put_string_field(element, 3, e.name);
  for (const auto& a : e.attrs) {
    Bytes attr;
    if (a.android) put_string_field(attr, 1, f::kAndroidNamespace);
    put_string_field(attr, 2, a.name);
    if (!a.value.empty()) put_string_field(attr, 3, a.reference ? "@string/" + a.value : a.value);
    if (a.id != 0) {
      put_varint(attr, 5 << 3 | 0);
      put_varint(attr, a.id);
    }
    put_bytes_field(element, 4, attr);
  }
  for (const auto& c : e.children) put_bytes_field(element, 5, build_proto_xml(c));
  Bytes node;
  put_bytes_field(node, 1, element);
  return node;
}

}  // namespace interdict::testing::axml
