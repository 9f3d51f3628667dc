#pragma once
// Helpers shared by the sources tests: read a file and push it through an Ingest in chunks.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "roilens/sources/ingest.hpp"

namespace roilens::sources::test_support {

inline std::string readBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Feeds `bytes` in chunks of `chunk` bytes (0 = one chunk) and returns a copy of the report.
inline FileReport ingestBytes(Ingest& ingest, const std::string& name, std::string_view bytes,
                              std::size_t chunk = 0, FileOptions options = {}) {
  ingest.beginFile(name, std::move(options));
  if (chunk == 0) chunk = bytes.size() + 1;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) ingest.feed(bytes.substr(at, chunk));
  return ingest.endFile();
}

inline const std::filesystem::path& exportsDir() {
  static const std::filesystem::path dir =
      std::filesystem::path(ROILENS_SHARED_DIR) / "datasets" / "exports";
  return dir;
}

inline std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(ROILENS_FIXTURES_DIR) / "sources" / name;
}

}  // namespace roilens::sources::test_support
