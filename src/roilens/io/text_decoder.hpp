#pragma once
// Bytes of any exported file → UTF-8 text, streaming (chunks of any size, split anywhere).
//
// Rules (FORMATS.md §0):
//  - A BOM on the first bytes decides: EF BB BF → UTF-8 (BOM dropped), FF FE → UTF-16LE,
//    FE FF → UTF-16BE. The BOM may arrive split across chunks: up to 2 leading bytes are held.
//  - No BOM → UTF-8, unless the bytes are not valid UTF-8. The decision is taken at the first
//    non-ASCII sequence (ASCII is identical in both, so it is emitted at once): if that sequence is
//    valid UTF-8 the stream is UTF-8 (a later invalid byte becomes U+FFFD and sets
//    sawInvalidBytes); if it is not, the whole stream is Windows-1252 (Excel re-save, FR locale).
//  - A NUL byte in a non-UTF-16 stream marks it as binary (looksBinary): the caller must reject
//    the file ("not a text file") rather than show garbage. A NUL *character* in UTF-16 too.
//  - UTF-16 surrogate pairs and UTF-8 sequences split across chunks are held until complete; an
//    unpaired surrogate or a truncated tail becomes U+FFFD and sets sawInvalidBytes.
#include <cstdint>
#include <string>
#include <string_view>

namespace roilens::io {

enum class Encoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kWindows1252 };

// "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "Windows-1252" (shown in file reports).
const char* encodingName(Encoding encoding);

class TextDecoder {
 public:
  // Decodes bytes and appends the UTF-8 text that is complete so far to utf8_out.
  void feed(std::string_view bytes, std::string& utf8_out);
  // The same, returning the text: the bytes themselves when they are complete, valid UTF-8 (the
  // common case: no copy), else the decoded text, written to `storage`.
  std::string_view decode(std::string_view bytes, std::string& storage);
  // Flushes what is held back (a short file, a truncated sequence) at the end of input.
  void finish(std::string& utf8_out);

  // Best knowledge so far; final after finish().
  Encoding encoding() const { return encoding_; }
  bool sawInvalidBytes() const { return saw_invalid_; }
  bool looksBinary() const { return looks_binary_; }

 private:
  enum class Stage { kSniffingBom, kUndecided, kDecided };

  void sniffBom(std::string_view bytes, std::string& out);
  void decodeUtf8(std::string_view bytes, std::string& out);
  void decodeUtf16(std::string_view bytes, std::string& out);
  void decodeWindows1252(std::string_view bytes, std::string& out);

  Stage stage_ = Stage::kSniffingBom;
  Encoding encoding_ = Encoding::kUtf8;
  std::string held_;                  // bytes of an incomplete BOM / sequence / code unit
  std::uint32_t high_surrogate_ = 0;  // UTF-16: a high surrogate waiting for its low half
  bool saw_invalid_ = false;
  bool looks_binary_ = false;
};

}  // namespace roilens::io
