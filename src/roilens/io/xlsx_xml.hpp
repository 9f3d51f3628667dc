#pragma once
// A small pull tokenizer for the XML parts of an .xlsx file (no XML library is available in the
// wasm build). It handles what spreadsheet writers produce: the declaration, comments, CDATA,
// DOCTYPE (skipped; no custom entities are ever expanded, so no "billion laughs"), namespace
// prefixes (names are reported without them: <x:row> is "row"), both quote styles, and the
// predefined and numeric character references. It does not validate the document.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "roilens/core/error.hpp"

namespace roilens::io {

struct XmlToken {
  enum class Kind { kStartTag, kEndTag, kText, kEnd };
  Kind kind = Kind::kEnd;
  std::string_view name;        // local name of a tag, prefix removed
  std::string_view attributes;  // raw attribute text of a start tag
  std::string_view text;        // raw text (references not yet decoded) or CDATA content
  bool self_closing = false;    // <c r="A1"/>: no end tag will follow
  bool cdata = false;           // text came from <![CDATA[...]]>: taken literally
  std::size_t offset = 0;       // byte offset of the token in the document
};

class XmlTokenizer {
 public:
  explicit XmlTokenizer(std::string_view xml) : xml_(xml) {}

  // The next token; kEnd once the document is exhausted. An unterminated tag, comment or
  // CDATA section → Error{kMalformedRecord} naming the byte offset.
  Result<XmlToken> next();

 private:
  Result<XmlToken> markup();
  Result<XmlToken> tag();
  std::optional<std::size_t> skipPast(std::string_view terminator);

  std::string_view xml_;
  std::size_t pos_ = 0;
};

// The value of the start tag's attribute whose local name is `local_name` (any prefix:
// "id" matches r:id), references decoded; nullopt when absent.
std::optional<std::string> xmlAttribute(const XmlToken& tag, std::string_view local_name);

// Appends the token's text with character references decoded and line ends normalised to LF
// (XML 1.0 §2.11). An unknown or malformed reference is kept as written.
void appendXmlText(const XmlToken& text, std::string& out);

// Decodes `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#233;` `&#xE9;` in raw XML text.
std::string decodeXmlText(std::string_view raw);

// Excel escapes characters XML cannot carry as _xHHHH_ (ECMA-376 ST_Xstring: "_x000D_" is a
// carriage return, "_x005F_" a literal underscore). Decodes them in a cell string.
std::string decodeExcelEscapes(std::string_view text);

}  // namespace roilens::io
