#pragma once
// Raw DEFLATE decoder (RFC 1951: stored, fixed-Huffman and dynamic-Huffman blocks).
// Written here rather than linked from zlib because the wasm build has no zlib and the same
// code must serve the native CLI and the browser (see xlsx_reader.hpp).
#include <cstddef>
#include <string>
#include <string_view>

#include "roilens/core/error.hpp"

namespace roilens::io {

// Decodes `compressed`, a raw DEFLATE stream (no zlib or gzip wrapper), and returns the bytes.
// Never produces more than `max_output_bytes`: a stream that would expand further is refused
// (zip-bomb guard). Corrupt or truncated input → Error{kUnreadableFile}. Bytes after the final
// block are ignored (ZIP entries may be padded).
Result<std::string> inflate(std::string_view compressed, std::size_t max_output_bytes);

}  // namespace roilens::io
