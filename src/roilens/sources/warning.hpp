#pragma once
// A warning shown beside a file: the same text in English and French.
#include <string>

namespace roilens::sources {

struct Warning {
  std::string en;
  std::string fr;
};

}  // namespace roilens::sources
