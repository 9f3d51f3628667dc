// The native `roilens` binary: reads files from disk in chunks and runs the shared command line.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "roilens/session/command_line.hpp"

namespace {

std::optional<roilens::Error> readFileInChunks(const std::string& path, const roilens::ChunkSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return roilens::Error{roilens::ErrorCode::kUnreadableFile, "cannot open the file",
                          "impossible d'ouvrir le fichier", {path, 0, ""}};
  }
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0) sink(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) {
    return roilens::Error{roilens::ErrorCode::kUnreadableFile, "read error", "erreur de lecture",
                          {path, 0, ""}};
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return roilens::runCommandLine(args, {readFileInChunks, std::cout, std::cerr});
}
