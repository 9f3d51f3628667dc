// The XML tokenizer used for .xlsx parts.
#include "roilens/io/xlsx_xml.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace roilens::io {
namespace {

// "<name" / "</name" / "text" per token, to compare a whole document at once.
std::vector<std::string> summary(std::string_view xml) {
  std::vector<std::string> out;
  XmlTokenizer tokenizer(xml);
  while (true) {
    Result<XmlToken> token = tokenizer.next();
    if (!token) {
      out.push_back("error: " + token.error().message_en);
      return out;
    }
    const XmlToken& t = token.value();
    switch (t.kind) {
      case XmlToken::Kind::kEnd:
        return out;
      case XmlToken::Kind::kStartTag:
        out.push_back("<" + std::string(t.name) + (t.self_closing ? "/" : ""));
        break;
      case XmlToken::Kind::kEndTag:
        out.push_back("</" + std::string(t.name));
        break;
      case XmlToken::Kind::kText: {
        std::string text;
        appendXmlText(t, text);
        out.push_back(text);
        break;
      }
    }
  }
}

TEST(XmlTokenizer, SkipsDeclarationCommentsAndDoctype) {
  const auto tokens = summary(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY lol \"lol\">]><!-- a > b --><a>1</a>");
  EXPECT_EQ(tokens, (std::vector<std::string>{"\n", "<a", "1", "</a"}));
}

TEST(XmlTokenizer, StripsPrefixesAndSeesSelfClosingTags) {
  const auto tokens = summary("<x:row r=\"1\"><x:c r=\"A1\"/></x:row >");
  EXPECT_EQ(tokens, (std::vector<std::string>{"<row", "<c/", "</row"}));
}

TEST(XmlTokenizer, QuotedGreaterThanDoesNotEndTheTag) {
  XmlTokenizer tokenizer("<numFmt formatCode='[>=100]0' id=\"a/b\"/>");
  const Result<XmlToken> t = tokenizer.next();
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t.value().self_closing);
  EXPECT_EQ(xmlAttribute(t.value(), "formatCode"), "[>=100]0");
  EXPECT_EQ(xmlAttribute(t.value(), "id"), "a/b");
}

TEST(XmlTokenizer, CdataIsLiteral) {
  EXPECT_EQ(summary("<t><![CDATA[a<b &amp; c]]></t>"),
            (std::vector<std::string>{"<t", "a<b &amp; c", "</t"}));
}

TEST(XmlTokenizer, UnterminatedConstructsAreErrors) {
  for (const char* bad : {"<a", "<a b=\"1>", "<!-- x", "<![CDATA[x", "<?xml", "<!DOCTYPE", "<>"}) {
    const auto tokens = summary(bad);
    ASSERT_FALSE(tokens.empty()) << bad;
    EXPECT_EQ(tokens.back().rfind("error: the spreadsheet's XML is damaged near byte 0", 0), 0u)
        << bad;
  }
}

TEST(XmlAttribute, MatchesLocalNameOnly) {
  XmlTokenizer tokenizer("<sheet name=\"R&amp;D\" sheetId=\"2\" r:id=\"rId2\"/>");
  const Result<XmlToken> t = tokenizer.next();
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(xmlAttribute(t.value(), "name"), "R&D");
  EXPECT_EQ(xmlAttribute(t.value(), "id"), "rId2");  // r:id, not sheetId
  EXPECT_EQ(xmlAttribute(t.value(), "sheetId"), "2");
  EXPECT_EQ(xmlAttribute(t.value(), "state"), std::nullopt);
}

TEST(DecodeXmlText, PredefinedAndNumericReferences) {
  // &#233; = U+00E9 é = C3 A9; &#x20AC; = U+20AC € = E2 82 AC; &#x1F600; = F0 9F 98 80.
  EXPECT_EQ(decodeXmlText("&lt;&gt;&amp;&quot;&apos;"), "<>&\"'");
  EXPECT_EQ(decodeXmlText("caf&#233; &#x20AC; &#x1F600;"),
            "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
  // Unknown or malformed references stay as written; invalid code points become U+FFFD.
  EXPECT_EQ(decodeXmlText("AT&T &nbsp; &#xZZ; & x"), "AT&T &nbsp; &#xZZ; & x");
  EXPECT_EQ(decodeXmlText("&#xD800;"), "\xEF\xBF\xBD");
  // Line ends: CRLF and lone CR become LF (XML 1.0 §2.11).
  EXPECT_EQ(decodeXmlText("a\r\nb\rc"), "a\nb\nc");
}

TEST(DecodeExcelEscapes, ControlCharactersAndLiteralUnderscores) {
  EXPECT_EQ(decodeExcelEscapes("a_x000D_b_x0009_c"), "a\rb\tc");
  EXPECT_EQ(decodeExcelEscapes("_x005F_x000D_"), "_x000D_");  // an escaped literal "_x000D_"
  EXPECT_EQ(decodeExcelEscapes("my_xref_name"), "my_xref_name");
  EXPECT_EQ(decodeExcelEscapes("utm_x"), "utm_x");
}

}  // namespace
}  // namespace roilens::io
