#include "roilens/io/xlsx_xml.hpp"

#include <cstdint>

#include "roilens/io/utf8.hpp"

namespace roilens::io {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view localName(std::string_view qualified) {
  const std::size_t colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

Error malformed(std::size_t offset, const std::string& what_en, const std::string& what_fr) {
  return Error{
      ErrorCode::kMalformedRecord,
      "the spreadsheet's XML is damaged near byte " + std::to_string(offset) + " (" + what_en + ")",
      "le XML du classeur est abîmé vers l'octet " + std::to_string(offset) + " (" + what_fr + ")",
      {}};
}

// XML forbids &#0;; the rest of the rule is the shared one.
void appendXmlCodePoint(std::uint32_t cp, std::string& out) {
  appendUtf8(cp == 0 ? 0xFFFD : cp, out);
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses digits of a numeric reference; nullopt when empty, not digits, or absurdly long.
std::optional<std::uint32_t> parseCodePoint(std::string_view digits, int base) {
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  std::uint32_t value = 0;
  for (const char c : digits) {
    const int d = hexDigit(c);
    if (d < 0 || d >= base) return std::nullopt;
    value = value * static_cast<std::uint32_t>(base) + static_cast<std::uint32_t>(d);
  }
  return value;
}

// Decodes the reference `&body;`; false when it is not one we know (kept as written).
bool appendReference(std::string_view body, std::string& out) {
  if (body == "amp") {
    out.push_back('&');
  } else if (body == "lt") {
    out.push_back('<');
  } else if (body == "gt") {
    out.push_back('>');
  } else if (body == "quot") {
    out.push_back('"');
  } else if (body == "apos") {
    out.push_back('\'');
  } else if (body.size() > 1 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::optional<std::uint32_t> cp = parseCodePoint(body.substr(hex ? 2 : 1), hex ? 16 : 10);
    if (!cp) return false;
    appendXmlCodePoint(*cp, out);
  } else {
    return false;
  }
  return true;
}

}  // namespace

Result<XmlToken> XmlTokenizer::next() {
  while (pos_ < xml_.size()) {
    if (xml_[pos_] != '<') {
      const std::size_t end = xml_.find('<', pos_);
      XmlToken token;
      token.kind = XmlToken::Kind::kText;
      token.offset = pos_;
      token.text = xml_.substr(pos_, end == std::string_view::npos ? end : end - pos_);
      pos_ = end == std::string_view::npos ? xml_.size() : end;
      return token;
    }
    Result<XmlToken> token = markup();
    if (!token || token.value().kind != XmlToken::Kind::kEnd) return token;
    // kEnd from markup() means "skipped a declaration or comment": keep going.
  }
  XmlToken end;
  end.offset = xml_.size();
  return end;
}

Result<XmlToken> XmlTokenizer::markup() {
  const std::size_t start = pos_;
  const std::string_view rest = xml_.substr(pos_);
  XmlToken skipped;  // kEnd: nothing to report
  if (rest.starts_with("<?")) {
    if (!skipPast("?>")) return malformed(start, "unterminated <?", "<? non terminé");
    return skipped;
  }
  if (rest.starts_with("<!--")) {
    if (!skipPast("-->"))
      return malformed(start, "unterminated comment", "commentaire non terminé");
    return skipped;
  }
  if (rest.starts_with("<![CDATA[")) {
    pos_ += 9;
    const std::optional<std::size_t> end = skipPast("]]>");
    if (!end) return malformed(start, "unterminated CDATA", "CDATA non terminé");
    XmlToken token;
    token.kind = XmlToken::Kind::kText;
    token.cdata = true;
    token.offset = start;
    token.text = xml_.substr(start + 9, *end - (start + 9));
    return token;
  }
  if (rest.starts_with("<!")) {  // DOCTYPE, possibly with an internal subset [...]
    int depth = 0;
    for (std::size_t i = pos_ + 2; i < xml_.size(); ++i) {
      if (xml_[i] == '[') ++depth;
      if (xml_[i] == ']') --depth;
      if (xml_[i] == '>' && depth <= 0) {
        pos_ = i + 1;
        return skipped;
      }
    }
    return malformed(start, "unterminated <!", "<! non terminé");
  }
  return tag();
}

Result<XmlToken> XmlTokenizer::tag() {
  const std::size_t start = pos_;
  const bool closing = pos_ + 1 < xml_.size() && xml_[pos_ + 1] == '/';
  std::size_t name_end = pos_ + (closing ? 2 : 1);
  while (name_end < xml_.size() && !isSpace(xml_[name_end]) && xml_[name_end] != '/' &&
         xml_[name_end] != '>') {
    ++name_end;
  }
  const std::size_t name_start = start + (closing ? 2 : 1);
  if (name_end == name_start) return malformed(start, "tag without a name", "balise sans nom");
  // Find the closing '>' outside quoted attribute values.
  char quote = 0;
  std::size_t close = name_end;
  for (; close < xml_.size(); ++close) {
    const char c = xml_[close];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    } else if (c == '<') {
      return malformed(start, "'<' inside a tag", "« < » dans une balise");
    }
  }
  if (close >= xml_.size()) return malformed(start, "unterminated tag", "balise non terminée");
  XmlToken token;
  token.kind = closing ? XmlToken::Kind::kEndTag : XmlToken::Kind::kStartTag;
  token.offset = start;
  token.name = localName(xml_.substr(name_start, name_end - name_start));
  std::size_t attributes_end = close;
  if (!closing && xml_[close - 1] == '/' && close - 1 >= name_end) {
    token.self_closing = true;
    attributes_end = close - 1;
  }
  if (!closing) token.attributes = xml_.substr(name_end, attributes_end - name_end);
  pos_ = close + 1;
  return token;
}

std::optional<std::size_t> XmlTokenizer::skipPast(std::string_view terminator) {
  const std::size_t at = xml_.find(terminator, pos_);
  if (at == std::string_view::npos) return std::nullopt;
  pos_ = at + terminator.size();
  return at;
}

std::optional<std::string> xmlAttribute(const XmlToken& tag, std::string_view local_name) {
  const std::string_view a = tag.attributes;
  std::size_t i = 0;
  while (i < a.size()) {
    while (i < a.size() && isSpace(a[i])) ++i;
    const std::size_t name_start = i;
    while (i < a.size() && a[i] != '=' && !isSpace(a[i])) ++i;
    const std::string_view name = a.substr(name_start, i - name_start);
    while (i < a.size() && isSpace(a[i])) ++i;
    if (i >= a.size() || a[i] != '=') return std::nullopt;  // malformed: give up quietly
    ++i;
    while (i < a.size() && isSpace(a[i])) ++i;
    if (i >= a.size() || (a[i] != '"' && a[i] != '\'')) return std::nullopt;
    const std::size_t value_end = a.find(a[i], i + 1);
    if (value_end == std::string_view::npos) return std::nullopt;
    if (localName(name) == local_name) return decodeXmlText(a.substr(i + 1, value_end - i - 1));
    i = value_end + 1;
  }
  return std::nullopt;
}

void appendXmlText(const XmlToken& text, std::string& out) {
  const std::string_view raw = text.text;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r') {  // CRLF and lone CR both become LF
      out.push_back('\n');
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      continue;
    }
    if (c == '&' && !text.cdata) {
      const std::size_t semi = raw.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 12 &&
          appendReference(raw.substr(i + 1, semi - i - 1), out)) {
        i = semi;
        continue;
      }
    }
    out.push_back(c);
  }
}

std::string decodeXmlText(std::string_view raw) {
  XmlToken token;
  token.kind = XmlToken::Kind::kText;
  token.text = raw;
  std::string out;
  out.reserve(raw.size());
  appendXmlText(token, out);
  return out;
}

std::string decodeExcelEscapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      const std::optional<std::uint32_t> cp = parseCodePoint(text.substr(i + 2, 4), 16);
      if (cp) {
        appendXmlCodePoint(*cp, out);
        i += 6;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace roilens::io
