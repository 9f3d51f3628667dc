#pragma once
// Guess the delimiter of a delimited text file from its first few kilobytes of UTF-8.
//
// Rule: candidates are ',', ';', tab and '|'. Lines are split respecting quotes (a delimiter
// inside quotes does not count). Preamble lines are ignored: lines starting with '#', blank
// lines. For each candidate, the score is the number of lines sharing the most common non-zero
// count of that delimiter; title lines (Google Ads' report name and quoted date range) carry no
// delimiter outside quotes, so they never vote. Highest score wins; ties go to more columns, then
// to the order ',' tab ';' '|'. When no candidate appears but the first line and at least 90 %
// of the lines hold the same number (≥ 2) of whitespace-separated tokens, whitespace mode (' ')
// is returned; otherwise ','.
#include <string_view>

#include "roilens/io/csv_reader.hpp"

namespace roilens::io {

CsvDialect sniffDialect(std::string_view utf8_sample);

}  // namespace roilens::io
