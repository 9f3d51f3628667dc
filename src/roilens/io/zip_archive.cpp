#include "roilens/io/zip_archive.hpp"

#include <array>
#include <optional>

#include "roilens/io/inflate.hpp"

namespace roilens::io {
namespace {

// Record signatures and fixed sizes from PKWARE's APPNOTE.TXT (§4.3.7, §4.3.12, §4.3.16).
constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSignature = 0x02014b50;
constexpr std::uint32_t kEndOfDirectorySignature = 0x06054b50;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kEndOfDirectorySize = 22;
constexpr std::size_t kMaxCommentSize = 0xFFFF;
constexpr std::uint16_t kMethodStored = 0;
constexpr std::uint16_t kMethodDeflated = 8;
constexpr std::uint16_t kFlagEncrypted = 0x0001;

constexpr std::array<std::uint32_t, 256> makeCrcTable() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}
constexpr std::array<std::uint32_t, 256> kCrcTable = makeCrcTable();

std::uint16_t read16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<std::uint8_t>(b[at]) |
                                    (static_cast<std::uint8_t>(b[at + 1]) << 8));
}

std::uint32_t read32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(read16(b, at)) |
         (static_cast<std::uint32_t>(read16(b, at + 2)) << 16);
}

// Whether [at, at + length) lies inside a buffer of `size` bytes, without overflow (size_t is
// 32 bits in wasm).
bool fits(std::size_t size, std::size_t at, std::size_t length) {
  return at <= size && length <= size - at;
}

Error unreadable(const std::string& en, const std::string& fr) {
  return Error{ErrorCode::kUnreadableFile, en, fr, {}};
}

Error damaged(const std::string& en, const std::string& fr) {
  return unreadable("the ZIP container is damaged: " + en + " (truncated or corrupt file?)",
                    "le conteneur ZIP est abîmé : " + fr + " (fichier tronqué ou corrompu ?)");
}

Error zip64() {
  return unreadable(
      "this file uses ZIP64 (over 4 GB or 65,535 parts), which is not supported",
      "ce fichier utilise ZIP64 (plus de 4 Go ou 65 535 parties), non pris en charge");
}

// The end-of-central-directory record is the last 22 bytes, unless a comment (up to 64 KiB)
// follows it: scan backwards for a signature whose comment length reaches the end exactly,
// falling back to one whose comment fits (some tools append bytes after the comment).
std::optional<std::size_t> findEndOfDirectory(std::string_view b) {
  if (b.size() < kEndOfDirectorySize) return std::nullopt;
  const std::size_t last = b.size() - kEndOfDirectorySize;
  const std::size_t first = last > kMaxCommentSize ? last - kMaxCommentSize : 0;
  std::optional<std::size_t> fitting;
  for (std::size_t at = last + 1; at-- > first;) {
    if (read32(b, at) != kEndOfDirectorySignature) continue;
    const std::size_t comment = read16(b, at + 20);
    if (at + kEndOfDirectorySize + comment == b.size()) return at;
    if (!fitting && at + kEndOfDirectorySize + comment <= b.size()) fitting = at;
  }
  return fitting;
}

Result<ZipEntry> readCentralHeader(std::string_view b, std::size_t& at) {
  if (!fits(b.size(), at, kCentralHeaderSize) || read32(b, at) != kCentralHeaderSignature) {
    return damaged("bad central directory entry", "entrée du répertoire central invalide");
  }
  ZipEntry entry;
  entry.method = read16(b, at + 10);
  entry.crc32 = read32(b, at + 16);
  entry.compressed_size = read32(b, at + 20);
  entry.uncompressed_size = read32(b, at + 24);
  const std::size_t name_size = read16(b, at + 28);
  const std::size_t extra_size = read16(b, at + 30);
  const std::size_t comment_size = read16(b, at + 32);
  entry.local_header_offset = read32(b, at + 42);
  const std::size_t variable_size = name_size + extra_size + comment_size;
  if (!fits(b.size(), at + kCentralHeaderSize, variable_size))
    return damaged("entry name cut off", "nom d'entrée coupé");
  entry.name = std::string(b.substr(at + kCentralHeaderSize, name_size));
  if (entry.compressed_size == 0xFFFFFFFFu || entry.uncompressed_size == 0xFFFFFFFFu ||
      entry.local_header_offset == 0xFFFFFFFFu) {
    return zip64();
  }
  if (read16(b, at + 8) & kFlagEncrypted) {
    return unreadable("the file is password-protected; save it again without a password",
                      "le fichier est protégé par mot de passe ; enregistrez-le sans mot de passe");
  }
  at += kCentralHeaderSize + variable_size;
  return entry;
}

char foldName(char c) {
  if (c == '\\') return '/';
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool sameNameLoosely(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (foldName(a[i]) != foldName(b[i])) return false;
  }
  return true;
}

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char ch : bytes) c = kCrcTable[(c ^ static_cast<std::uint8_t>(ch)) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

Result<ZipArchive> ZipArchive::open(std::string_view bytes) {
  const std::optional<std::size_t> eocd = findEndOfDirectory(bytes);
  if (!eocd) {
    return unreadable("this is not a ZIP-based file (no ZIP directory found; truncated?)",
                      "ce n'est pas un fichier ZIP (aucun répertoire ZIP trouvé ; tronqué ?)");
  }
  const std::uint16_t disk = read16(bytes, *eocd + 4);
  const std::uint16_t directory_disk = read16(bytes, *eocd + 6);
  const std::uint16_t count_here = read16(bytes, *eocd + 8);
  const std::uint16_t count = read16(bytes, *eocd + 10);
  const std::uint32_t directory_size = read32(bytes, *eocd + 12);
  const std::uint32_t directory_offset = read32(bytes, *eocd + 16);
  // Some writers add ZIP64 records to small archives; they matter only when the classic fields
  // are saturated, which is when this reader gives up.
  if (count == 0xFFFF || directory_offset == 0xFFFFFFFFu) return zip64();
  if (disk != 0 || directory_disk != 0 || count_here != count) {
    return unreadable("this is one part of a split (multi-volume) ZIP archive; not supported",
                      "ceci est une partie d'une archive ZIP découpée en volumes ; non pris en "
                      "charge");
  }
  if (!fits(*eocd, directory_offset, directory_size)) {
    return damaged("directory outside the file", "répertoire hors du fichier");
  }
  std::vector<ZipEntry> entries;
  entries.reserve(count);
  std::size_t at = directory_offset;
  for (std::size_t i = 0; i < count; ++i) {
    Result<ZipEntry> entry = readCentralHeader(bytes, at);
    if (!entry) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return ZipArchive(bytes, std::move(entries));
}

const ZipEntry* ZipArchive::find(std::string_view name) const {
  for (const ZipEntry& entry : entries_) {
    if (entry.name == name) return &entry;
  }
  for (const ZipEntry& entry : entries_) {
    if (sameNameLoosely(entry.name, name)) return &entry;
  }
  return nullptr;
}

Result<std::string> ZipArchive::extract(const ZipEntry& entry, std::size_t max_bytes) const {
  if (entry.uncompressed_size > max_bytes) {
    return unreadable("part '" + entry.name + "' is too large (" +
                          std::to_string(entry.uncompressed_size) + " bytes, limit " +
                          std::to_string(max_bytes) + ")",
                      "la partie '" + entry.name + "' est trop grande (" +
                          std::to_string(entry.uncompressed_size) + " octets, limite " +
                          std::to_string(max_bytes) + ")");
  }
  const std::size_t local = entry.local_header_offset;
  if (!fits(bytes_.size(), local, kLocalHeaderSize) ||
      read32(bytes_, local) != kLocalHeaderSignature) {
    return damaged("bad local header for '" + entry.name + "'",
                   "en-tête local invalide pour '" + entry.name + "'");
  }
  const std::size_t data =
      local + kLocalHeaderSize + read16(bytes_, local + 26) + read16(bytes_, local + 28);
  if (!fits(bytes_.size(), data, entry.compressed_size)) {
    return damaged("part '" + entry.name + "' is cut off", "partie '" + entry.name + "' coupée");
  }
  const std::string_view raw = bytes_.substr(data, entry.compressed_size);
  std::string content;
  if (entry.method == kMethodStored) {
    content = std::string(raw);
  } else if (entry.method == kMethodDeflated) {
    // The declared size bounds the output: a lying header cannot make us allocate more.
    Result<std::string> inflated = inflate(raw, entry.uncompressed_size);
    if (!inflated) {
      Error error = inflated.error();
      error.message_en = "part '" + entry.name + "': " + error.message_en;
      error.message_fr = "partie '" + entry.name + "' : " + error.message_fr;
      return error;
    }
    content = std::move(inflated).value();
  } else {
    return unreadable("part '" + entry.name + "' uses compression method " +
                          std::to_string(entry.method) + ", which is not supported",
                      "la partie '" + entry.name + "' utilise la méthode de compression " +
                          std::to_string(entry.method) + ", non prise en charge");
  }
  if (content.size() != entry.uncompressed_size) {
    return damaged("part '" + entry.name + "' has the wrong size",
                   "partie '" + entry.name + "' de taille incorrecte");
  }
  if (crc32(content) != entry.crc32) {
    return damaged("checksum mismatch in part '" + entry.name + "'",
                   "somme de contrôle fausse pour la partie '" + entry.name + "'");
  }
  return content;
}

}  // namespace roilens::io
