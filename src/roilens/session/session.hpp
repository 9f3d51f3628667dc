#pragma once
// A session: the files a user dropped and the answers computed from them. This is the whole
// surface the CLI and the wasm bindings use; everything crosses it as JSON values and Results.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "roilens/core/error.hpp"
#include "roilens/core/error_json.hpp"
#include "roilens/sources/ingest.hpp"

namespace roilens {

struct SessionOptions {
  int utc_offset_minutes = 0;
};

Result<SessionOptions> parseSessionOptions(const nlohmann::json& options);
Result<sources::FileOptions> parseFileOptions(const nlohmann::json& options);

class Session {
 public:
  explicit Session(SessionOptions options = {});

  // Streaming ingestion of one file at a time.
  void beginFile(std::string name, sources::FileOptions options = {});
  void feed(std::string_view bytes);
  nlohmann::json endFile();  // the file's report (as in `inspect`)

  nlohmann::json inspect() const;  // {"files": [...]}
  Result<nlohmann::json> report(const nlohmann::json& options) const;
  Result<nlohmann::json> attribution(const nlohmann::json& options) const;
  Result<nlohmann::json> clv(const nlohmann::json& options) const;
  static nlohmann::json catalogue();
  static nlohmann::json fields();  // model fields per table, for manual mapping

 private:
  SessionOptions options_;
  sources::Ingest ingest_;
};

}  // namespace roilens
