#pragma once
// The `roilens` command line, shared by the native binary and the wasm module run from Node:
// both give it the arguments and a way to read files, so both print the same thing.
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "roilens/core/error.hpp"

namespace roilens {

using ChunkSink = std::function<void(std::string_view)>;
// Streams a file's bytes to the sink in chunks; an Error when it cannot be read.
using FileReader = std::function<std::optional<Error>(const std::string& path, const ChunkSink&)>;

struct CommandIo {
  FileReader read_file;
  std::ostream& out;
  std::ostream& err;
};

// args excludes the program name. Returns the process exit code: 0 ok, 1 failed, 2 usage.
int runCommandLine(const std::vector<std::string>& args, const CommandIo& io);

}  // namespace roilens
