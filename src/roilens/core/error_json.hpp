#pragma once
// The one JSON shape of an error, everywhere the core answers in JSON (the wasm boundary, a file
// report's "error", the CLI's JSON): docs/errors.md.
#include <nlohmann/json.hpp>

#include "roilens/core/error.hpp"

namespace roilens {

// {"code","message_en","message_fr","file","line","column"}; the messages carry the position
// ("file.csv, line 12, column 'Amount': …"), the fields repeat it for programs.
nlohmann::json toJson(const Error& error);

}  // namespace roilens
