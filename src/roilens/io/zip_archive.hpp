#pragma once
// Reads a ZIP archive held in memory (enough of APPNOTE.TXT for .xlsx files): the central
// directory, stored (method 0) and deflated (method 8) entries, CRC-32 checked on extraction.
// Not supported, each with its own clear error: ZIP64, split/multi-disk archives, encryption,
// other compression methods.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "roilens/core/error.hpp"

namespace roilens::io {

// CRC-32 as used by ZIP and PNG (reflected polynomial 0xEDB88320).
std::uint32_t crc32(std::string_view bytes);

struct ZipEntry {
  std::string name;          // as stored in the archive ('/' separators; a folder ends with '/')
  std::uint16_t method = 0;  // 0 = stored, 8 = deflated
  std::uint32_t crc32 = 0;
  std::uint32_t compressed_size = 0;
  std::uint32_t uncompressed_size = 0;
  std::uint32_t local_header_offset = 0;
};

class ZipArchive {
 public:
  // Largest entry extract() accepts by default: bigger than any sheet a browser can handle,
  // small enough to refuse a zip bomb before allocating.
  static constexpr std::size_t kDefaultMaxEntryBytes = std::size_t{512} << 20;

  // Reads the central directory. `bytes` is not copied: it must outlive the archive.
  // Errors (kUnreadableFile): not a ZIP, truncated, corrupt directory, ZIP64, multi-disk.
  static Result<ZipArchive> open(std::string_view bytes);

  const std::vector<ZipEntry>& entries() const { return entries_; }

  // The entry with exactly this name; if none, the one equal ignoring ASCII case and with '\\'
  // read as '/' (some writers differ on both); nullptr when absent.
  const ZipEntry* find(std::string_view name) const;

  // The entry's bytes, CRC-checked. Refuses entries declaring more than max_bytes.
  Result<std::string> extract(const ZipEntry& entry,
                              std::size_t max_bytes = kDefaultMaxEntryBytes) const;

 private:
  ZipArchive(std::string_view bytes, std::vector<ZipEntry> entries)
      : bytes_(bytes), entries_(std::move(entries)) {}

  std::string_view bytes_;
  std::vector<ZipEntry> entries_;
};

}  // namespace roilens::io
