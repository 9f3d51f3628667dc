// The whole wasm boundary. Embind only: JS values ⇄ core types, no business logic.
// Every method returns a JSON string {"ok":true,"value":…} or {"ok":false,"error":{…}};
// no C++ exception ever crosses into JS.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "roilens/session/command_line.hpp"
#include "roilens/session/session.hpp"

namespace {

using emscripten::val;
using nlohmann::json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}
std::string ok(const json& value) { return dump({{"ok", true}, {"value", value}}); }
std::string failed(const roilens::Error& error) {
  return dump({{"ok", false}, {"error", roilens::toJson(error)}});
}
// Its own code: after it the page replaces the engine (its heap is exhausted or fragmented, and
// the file being read is half in), so it must be told apart from other internal errors.
std::string outOfMemory() {
  return dump(
      {{"ok", false},
       {"error",
        {{"code", "out_of_memory"},
         {"message_en", "the engine ran out of memory (its WebAssembly heap ends at 4 GiB)"},
         {"message_fr", "le moteur n'a plus de mémoire (son tas WebAssembly s'arrête à 4 Gio)"},
         {"file", ""},
         {"line", 0},
         {"column", ""}}}});
}
std::string internalFailure(const char* what) {
  return failed({roilens::ErrorCode::kInternal, std::string("internal error: ") + what,
                 std::string("erreur interne : ") + what, {}});
}

json parseJsonArgument(const std::string& text) {
  return text.empty() ? json() : json::parse(text, nullptr, /*allow_exceptions=*/false);
}

roilens::Error badJson() {
  return {roilens::ErrorCode::kInvalidArgument, "options are not valid JSON",
          "les options ne sont pas du JSON valide", {}};
}

// Copies a JS Uint8Array into wasm memory in one call (no per-byte crossing).
std::string bytesFrom(const val& array) {
  const auto length = array["length"].as<std::size_t>();
  std::string bytes(length, '\0');
  val(emscripten::typed_memory_view(length, reinterpret_cast<unsigned char*>(bytes.data())))
      .call<void>("set", array);
  return bytes;
}

template <typename F>
std::string guarded(F&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return outOfMemory();
  } catch (const std::exception& e) {
    return internalFailure(e.what());
  } catch (...) {
    return internalFailure("unknown");
  }
}

class SessionBinding {
 public:
  explicit SessionBinding(const std::string& options_json) {
    const json options = parseJsonArgument(options_json);
    auto parsed = roilens::parseSessionOptions(options.is_discarded() ? json() : options);
    session_ = roilens::Session(parsed ? parsed.value() : roilens::SessionOptions{});
  }

  std::string beginFile(const std::string& name, const std::string& options_json) {
    return guarded([&] {
      const json options = parseJsonArgument(options_json);
      if (options.is_discarded()) return failed(badJson());
      auto parsed = roilens::parseFileOptions(options);
      if (!parsed) return failed(parsed.error());
      session_.beginFile(name, parsed.value());
      return ok(nullptr);
    });
  }

  std::string feed(const val& chunk) {
    return guarded([&] {
      session_.feed(bytesFrom(chunk));
      return ok(nullptr);
    });
  }

  std::string endFile() { return guarded([&] { return ok(session_.endFile()); }); }
  std::string inspect() const { return guarded([&] { return ok(session_.inspect()); }); }
  std::string catalogue() const { return guarded([&] { return ok(roilens::Session::catalogue()); }); }
  std::string fields() const { return guarded([&] { return ok(roilens::Session::fields()); }); }

  std::string report(const std::string& options_json) const {
    return answer(options_json, [&](const json& o) { return session_.report(o); });
  }
  std::string attribution(const std::string& options_json) const {
    return answer(options_json, [&](const json& o) { return session_.attribution(o); });
  }
  std::string clv(const std::string& options_json) const {
    return answer(options_json, [&](const json& o) { return session_.clv(o); });
  }

 private:
  template <typename F>
  std::string answer(const std::string& options_json, F&& compute) const {
    return guarded([&] {
      const json options = parseJsonArgument(options_json);
      if (options.is_discarded()) return failed(badJson());
      const roilens::Result<json> result = compute(options);
      return result ? ok(result.value()) : failed(result.error());
    });
  }

  roilens::Session session_;
};

// The command line, for `roilens-node`: args is an array of strings, files maps each path
// named in args to its bytes (Uint8Array). Returns {"exit_code","stdout","stderr"}.
std::string runCli(const val& args, const val& files) {
  return guarded([&] {
    std::vector<std::string> arguments;
    const auto count = args["length"].as<std::size_t>();
    for (std::size_t i = 0; i < count; ++i) arguments.push_back(args[i].as<std::string>());
    std::ostringstream out;
    std::ostringstream err;
    const roilens::FileReader reader = [&](const std::string& path, const roilens::ChunkSink& sink)
        -> std::optional<roilens::Error> {
      const val bytes = files[path];
      if (bytes.isUndefined() || bytes.isNull()) {
        return roilens::Error{roilens::ErrorCode::kUnreadableFile, "cannot open the file",
                              "impossible d'ouvrir le fichier", {path, 0, ""}};
      }
      sink(bytesFrom(bytes));
      return std::nullopt;
    };
    const int code = roilens::runCommandLine(arguments, {reader, out, err});
    return dump({{"exit_code", code}, {"stdout", out.str()}, {"stderr", err.str()}});
  });
}

// Bytes the allocator has handed out and not taken back: what the engine holds now (the
// memory's own size only grows, so it says nothing of what is free inside it).
double heapAllocatedBytes() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(roilens) {
  emscripten::class_<SessionBinding>("Session")
      .constructor<const std::string&>()
      .function("beginFile", &SessionBinding::beginFile)
      .function("feed", &SessionBinding::feed)
      .function("endFile", &SessionBinding::endFile)
      .function("inspect", &SessionBinding::inspect)
      .function("catalogue", &SessionBinding::catalogue)
      .function("fields", &SessionBinding::fields)
      .function("report", &SessionBinding::report)
      .function("attribution", &SessionBinding::attribution)
      .function("clv", &SessionBinding::clv);
  emscripten::function("runCli", &runCli);
  emscripten::function("heapAllocatedBytes", &heapAllocatedBytes);
}
