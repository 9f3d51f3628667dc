// ZIP reading: archives assembled byte by byte in the test (layout from PKWARE's APPNOTE.TXT),
// so that every damaged or unsupported variant can be produced on purpose.
#include "roilens/io/zip_archive.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#ifdef ROILENS_HAVE_ZLIB
#include <zlib.h>
#endif

namespace roilens::io {
namespace {

struct TestEntry {
  std::string name;
  std::string data;
  std::string stored_bytes;  // what goes in the archive (data itself, or its deflated form)
  std::uint16_t method = 0;
  std::uint16_t flags = 0;
};

void put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

TestEntry stored(std::string name, std::string data) {
  TestEntry e{std::move(name), data, data};
  return e;
}

// Local headers, then the central directory, then the end record with `comment`.
std::string makeZip(const std::vector<TestEntry>& entries, const std::string& comment = "") {
  std::string out;
  std::vector<std::uint32_t> offsets;
  for (const TestEntry& e : entries) {
    offsets.push_back(static_cast<std::uint32_t>(out.size()));
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, e.flags);
    put16(out, e.method);
    put32(out, 0);  // time, date
    put32(out, crc32(e.data));
    put32(out, static_cast<std::uint32_t>(e.stored_bytes.size()));
    put32(out, static_cast<std::uint32_t>(e.data.size()));
    put16(out, static_cast<std::uint32_t>(e.name.size()));
    put16(out, 0);
    out += e.name + e.stored_bytes;
  }
  const std::uint32_t directory_offset = static_cast<std::uint32_t>(out.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const TestEntry& e = entries[i];
    put32(out, 0x02014b50);
    put16(out, 20);
    put16(out, 20);
    put16(out, e.flags);
    put16(out, e.method);
    put32(out, 0);
    put32(out, crc32(e.data));
    put32(out, static_cast<std::uint32_t>(e.stored_bytes.size()));
    put32(out, static_cast<std::uint32_t>(e.data.size()));
    put16(out, static_cast<std::uint32_t>(e.name.size()));
    put32(out, 0);  // extra and comment lengths
    put32(out, 0);  // disk, internal attributes
    put32(out, 0);  // external attributes
    put32(out, offsets[i]);
    out += e.name;
  }
  const std::uint32_t directory_size = static_cast<std::uint32_t>(out.size()) - directory_offset;
  put32(out, 0x06054b50);
  put32(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, directory_size);
  put32(out, directory_offset);
  put16(out, static_cast<std::uint32_t>(comment.size()));
  return out + comment;
}

std::size_t centralHeaderAt(const std::string& zip) { return zip.find("PK\x01\x02"); }
std::size_t endRecordAt(const std::string& zip) { return zip.rfind("PK\x05\x06"); }

void patch32(std::string& zip, std::size_t at, std::uint32_t v) {
  std::string b;
  put32(b, v);
  zip.replace(at, 4, b);
}

std::string errorOf(const std::string& zip) {
  Result<ZipArchive> archive = ZipArchive::open(zip);
  if (!archive) return archive.error().message_en;
  for (const ZipEntry& entry : archive.value().entries()) {
    Result<std::string> content = archive.value().extract(entry);
    if (!content) return content.error().message_en;
  }
  return "";
}

TEST(Crc32, PublishedCheckValue) {
  // The CRC-32 "check" value from the catalogue of parametrised CRCs (CRC-32/ISO-HDLC).
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc32(""), 0u);
}

TEST(ZipArchive, ListsAndExtractsStoredEntries) {
  const std::string zip =
      makeZip({stored("a.txt", "hello"), stored("xl/", ""), stored("xl/b.xml", "<b/>")});
  Result<ZipArchive> archive = ZipArchive::open(zip);
  ASSERT_TRUE(archive.ok()) << archive.error().describe();
  const std::vector<ZipEntry>& entries = archive.value().entries();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].name, "a.txt");
  EXPECT_EQ(entries[1].name, "xl/");
  EXPECT_EQ(entries[2].uncompressed_size, 4u);
  const ZipEntry* b = archive.value().find("xl/b.xml");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(archive.value().extract(*b).value(), "<b/>");
  EXPECT_EQ(archive.value().extract(entries[0]).value(), "hello");
  EXPECT_EQ(archive.value().find("missing.xml"), nullptr);
}

TEST(ZipArchive, FindToleratesCaseAndBackslashes) {
  const std::string zip = makeZip({stored("xl\\SharedStrings.xml", "s")});
  Result<ZipArchive> archive = ZipArchive::open(zip);
  ASSERT_TRUE(archive.ok());
  const ZipEntry* entry = archive.value().find("xl/sharedStrings.xml");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->name, "xl\\SharedStrings.xml");
}

TEST(ZipArchive, FindsEndRecordBeforeTrailingComment) {
  // The comment itself contains a fake end-record signature; the real one is recognised by its
  // comment length reaching the end of the file exactly.
  const std::string comment = std::string("made by a test PK\x05\x06") + std::string(30, 'x');
  const std::string zip = makeZip({stored("a.txt", "hello")}, comment);
  Result<ZipArchive> archive = ZipArchive::open(zip);
  ASSERT_TRUE(archive.ok()) << archive.error().describe();
  ASSERT_EQ(archive.value().entries().size(), 1u);
  EXPECT_EQ(archive.value().extract(archive.value().entries()[0]).value(), "hello");
}

TEST(ZipArchive, NotAZip) {
  EXPECT_NE(errorOf("Date,Clicks\n2025-01-01,3\n").find("not a ZIP"), std::string::npos);
  EXPECT_NE(errorOf("").find("not a ZIP"), std::string::npos);
}

TEST(ZipArchive, EveryTruncationIsAnError) {
  const std::string zip = makeZip({stored("a.txt", "hello"), stored("b.txt", "world")});
  for (std::size_t cut = 0; cut < zip.size(); ++cut) {
    EXPECT_FALSE(errorOf(zip.substr(0, cut)).empty()) << "cut at " << cut;
  }
}

TEST(ZipArchive, CorruptedDataFailsTheChecksum) {
  std::string zip = makeZip({stored("a.txt", "hello")});
  zip[zip.find("hello")] = 'j';
  EXPECT_NE(errorOf(zip).find("checksum"), std::string::npos);
}

TEST(ZipArchive, DirectoryPointingOutsideTheFile) {
  std::string zip = makeZip({stored("a.txt", "hello")});
  patch32(zip, endRecordAt(zip) + 16, 0x00FFFFFF);
  EXPECT_NE(errorOf(zip).find("damaged"), std::string::npos);
}

TEST(ZipArchive, Zip64IsNamed) {
  std::string sizes = makeZip({stored("a.txt", "hello")});
  patch32(sizes, centralHeaderAt(sizes) + 24, 0xFFFFFFFFu);
  EXPECT_NE(errorOf(sizes).find("ZIP64"), std::string::npos);

  std::string count = makeZip({stored("a.txt", "hello")});
  patch32(count, endRecordAt(count) + 8, 0xFFFFFFFFu);  // entry counts saturated
  EXPECT_NE(errorOf(count).find("ZIP64"), std::string::npos);
}

TEST(ZipArchive, Zip64RecordsBesideValidClassicFieldsAreTolerated) {
  // A ZIP64 end-of-directory locator before the classic end record, whose fields are all valid.
  std::string zip = makeZip({stored("a.txt", "hello")});
  std::string locator;
  put32(locator, 0x07064b50);
  locator += std::string(16, '\0');
  zip.insert(endRecordAt(zip), locator);
  EXPECT_EQ(errorOf(zip), "");
}

TEST(ZipArchive, SplitArchiveIsNamed) {
  std::string zip = makeZip({stored("a.txt", "hello")});
  patch32(zip, endRecordAt(zip) + 4, 0x00010001);  // this disk = 1, directory disk = 1
  EXPECT_NE(errorOf(zip).find("split"), std::string::npos);
}

TEST(ZipArchive, EncryptionIsNamed) {
  TestEntry e = stored("a.txt", "hello");
  e.flags = 1;
  EXPECT_NE(errorOf(makeZip({e})).find("password"), std::string::npos);
}

TEST(ZipArchive, UnknownMethodIsNamed) {
  TestEntry e = stored("a.txt", "hello");
  e.method = 12;  // bzip2
  EXPECT_NE(errorOf(makeZip({e})).find("compression method 12"), std::string::npos);
}

TEST(ZipArchive, RefusesEntriesOverTheLimit) {
  const std::string zip = makeZip({stored("a.txt", "hello")});
  Result<ZipArchive> archive = ZipArchive::open(zip);
  ASSERT_TRUE(archive.ok());
  const Result<std::string> out = archive.value().extract(archive.value().entries()[0], 4);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message_en.find("too large"), std::string::npos);
  EXPECT_NE(out.error().message_fr.find("trop grande"), std::string::npos);
}

#ifdef ROILENS_HAVE_ZLIB

TEST(Crc32, MatchesZlib) {
  std::mt19937 rng(1);
  for (const std::size_t n : {1u, 7u, 1000u, 65537u}) {
    std::string data(n, '\0');
    for (char& c : data) c = static_cast<char>(rng() & 0xFF);
    const uLong expected =
        ::crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(n));
    EXPECT_EQ(crc32(data), expected) << n;
  }
}

TestEntry deflated(std::string name, std::string data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(data.data());
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  TestEntry e{std::move(name), data, out};
  e.method = 8;
  return e;
}

TEST(ZipArchive, ExtractsDeflatedEntries) {
  std::string text;
  for (int i = 0; i < 500; ++i)
    text += "<row r=\"" + std::to_string(i) + "\"><c><v>1</v></c></row>";
  const std::string zip = makeZip({deflated("xl/sheet1.xml", text), stored("a.txt", "hi")});
  Result<ZipArchive> archive = ZipArchive::open(zip);
  ASSERT_TRUE(archive.ok());
  const ZipEntry* sheet = archive.value().find("xl/sheet1.xml");
  ASSERT_NE(sheet, nullptr);
  EXPECT_EQ(sheet->method, 8);
  EXPECT_LT(sheet->compressed_size, text.size() / 4);
  const Result<std::string> out = archive.value().extract(*sheet);
  ASSERT_TRUE(out.ok()) << out.error().describe();
  EXPECT_EQ(out.value(), text);
}

TEST(ZipArchive, DeclaredSizeBoundsInflation) {
  // A header that under-declares the size (as a zip bomb would) stops inflation at that size.
  const std::string zeros(100000, '\0');
  std::string zip = makeZip({deflated("bomb.xml", zeros)});
  patch32(zip, centralHeaderAt(zip) + 24, 1000);
  EXPECT_NE(errorOf(zip).find("zip bomb"), std::string::npos);
}

TEST(ZipArchive, DamagedDeflateStreamNamesThePart) {
  std::string zip = makeZip({deflated("xl/sheet1.xml", std::string(5000, 'a'))});
  zip[30 + 13] = static_cast<char>(0xFF);  // first byte of data: block type 3 (reserved)
  EXPECT_NE(errorOf(zip).find("part 'xl/sheet1.xml'"), std::string::npos);
}

#endif  // ROILENS_HAVE_ZLIB

}  // namespace
}  // namespace roilens::io
