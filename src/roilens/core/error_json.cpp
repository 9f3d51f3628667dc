#include "roilens/core/error_json.hpp"

namespace roilens {

nlohmann::json toJson(const Error& error) {
  return {{"code", errorCodeName(error.code)}, {"message_en", error.describe()},
          {"message_fr", error.describeFr()},  {"file", error.position.file},
          {"line", error.position.line},       {"column", error.position.column}};
}

}  // namespace roilens
