#include "roilens/session/command_line.hpp"

#include <map>
#include <set>

#include "roilens/attribution/attribute.hpp"
#include "roilens/attribution/options.hpp"
#include "roilens/clv/clv.hpp"
#include "roilens/report/report.hpp"
#include "roilens/session/inspect_table.hpp"
#include "roilens/session/session.hpp"

namespace roilens {
namespace {

constexpr const char* kUsage =
    "usage: roilens <command> <files…> [options]\n"
    "\n"
    "commands:\n"
    "  report <files…>       KPIs  [--format json|jsonl|table] [--grain day|week|month|quarter|year|all]\n"
    "                        [--from DATE --to DATE] [--by channel[,source…]] [--cadence-start DATE]\n"
    "  inspect <files…>      what was recognised in each file  [--format table|json]\n"
    "  attribution <files…>  revenue attribution  [--model ID|all] [--half-life-days N]\n"
    "                        [--lookback-days N] [--conversion purchase|customer|lead]\n"
    "                        [--format json|jsonl|table]\n"
    "  clv <files…>          customer lifetime value  [--unit day|week|month] [--calibration-end DATE]\n"
    "                        [--horizon-months N] [--discount R] [--columns customer=2,date=3,amount=5]\n"
    "                        [--format json|table]\n"
    "  catalogue             the KPI catalogue  [--format json|table]\n"
    "\n"
    "common options: --tool ID (force the source tool of every file), --utc-offset MINUTES,\n"
    "                --period FROM..TO (the days covered by files that do not say, e.g. a UA export\n"
    "                without its preamble or Google Ads 'All time'),\n"
    "                --lang en|fr (table labels)\n";

struct Arguments {
  std::string command;
  std::vector<std::string> files;
  std::map<std::string, std::string> options;  // "--grain" → "week"
};

// Every option that takes a value, once: the flag and, for options the session reads, the key it
// has in the JSON options (the page sends the same keys). An empty key: the command line's own.
struct CommandOption {
  const char* flag;
  const char* json_key;
};
constexpr CommandOption kOptions[] = {
    {"--grain", "grain"}, {"--from", "from"}, {"--to", "to"}, {"--cadence-start", "cadence_start"},
    {"--model", "model"}, {"--half-life-days", "half_life_days"},
    {"--lookback-days", "lookback_days"}, {"--conversion", "conversion"}, {"--unit", "unit"},
    {"--calibration-end", "calibration_end"}, {"--horizon-months", "horizon_months"},
    {"--discount", "discount"}, {"--by", ""}, {"--format", ""}, {"--columns", ""}, {"--tool", ""},
    {"--utc-offset", ""}, {"--lang", ""}, {"--period", ""}};

bool takesValue(const std::string& flag) {
  for (const CommandOption& o : kOptions) {
    if (flag == o.flag) return true;
  }
  return false;
}

Result<Arguments> parseArguments(const std::vector<std::string>& args) {
  Arguments parsed;
  if (args.empty()) return Error{ErrorCode::kInvalidArgument, "no command given", "aucune commande", {}};
  parsed.command = args[0];
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) {
      parsed.files.push_back(arg);
      continue;
    }
    std::string name = arg;
    std::string value;
    if (const auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    } else if (takesValue(name) && i + 1 < args.size()) {
      value = args[++i];
    }
    if (!takesValue(name)) {
      return Error{ErrorCode::kInvalidArgument, "unknown option " + name, "option inconnue " + name, {}};
    }
    parsed.options[name] = value;
  }
  return parsed;
}

std::string option(const Arguments& a, const std::string& name, const std::string& fallback = "") {
  const auto it = a.options.find(name);
  return it == a.options.end() ? fallback : it->second;
}

// "--columns customer=2,date=3" → {"customer": 2, "date": 3}
Result<nlohmann::json> parseColumnIndexes(const std::string& text) {
  nlohmann::json out = nlohmann::json::object();
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string pair = text.substr(start, end - start);
    const std::size_t eq = pair.find('=');
    int index = 0;
    try {
      index = eq == std::string::npos ? 0 : std::stoi(pair.substr(eq + 1));
    } catch (...) {
      index = 0;
    }
    if (eq == std::string::npos || index < 1) {
      return Error{ErrorCode::kInvalidArgument,
                   "--columns expects field=number pairs such as customer=2,date=3,amount=5",
                   "--columns attend des paires champ=numéro comme customer=2,date=3,amount=5", {}};
    }
    out[pair.substr(0, eq)] = index;
    start = end + 1;
  }
  return out;
}

nlohmann::json numberOrString(const std::string& text) {
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used == text.size()) return v;
  } catch (...) {
  }
  return text;
}

nlohmann::json splitList(const std::string& text) {
  nlohmann::json out = nlohmann::json::array();
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Command-line options → the JSON options the session takes (the page sends the same JSON).
nlohmann::json commandOptions(const Arguments& a) {
  nlohmann::json out = nlohmann::json::object();
  for (const CommandOption& o : kOptions) {
    if (*o.json_key != '\0' && a.options.count(o.flag)) {
      out[o.json_key] = numberOrString(a.options.at(o.flag));
    }
  }
  if (a.options.count("--by")) out["by"] = splitList(a.options.at("--by"));
  return out;
}

int fail(const Error& error, const CommandIo& io, bool french) {
  io.err << "roilens: " << (french ? error.describeFr() : error.describe()) << "\n";
  return 1;
}

Result<int> parseOffset(const Arguments& a) {
  const std::string text = option(a, "--utc-offset", "0");
  try {
    return std::stoi(text);
  } catch (...) {
    return Error{ErrorCode::kInvalidArgument, "--utc-offset expects minutes, e.g. 60 or -300",
                 "--utc-offset attend des minutes, par ex. 60 ou -300", {}};
  }
}

// Reads every file into the session; a file that cannot be opened stops the command.
std::optional<Error> ingestFiles(Session& session, const Arguments& a, const CommandIo& io) {
  sources::FileOptions file_options;
  if (a.options.count("--tool")) file_options.tool = a.options.at("--tool");
  if (a.options.count("--columns")) {
    auto indexes = parseColumnIndexes(a.options.at("--columns"));
    if (!indexes) return indexes.error();
    for (const auto& [field, index] : indexes.value().items()) {
      file_options.column_indexes[field] = index.get<int>();
    }
  }
  if (a.options.count("--period")) {
    const std::string text = a.options.at("--period");
    const std::size_t dots = text.find("..");
    auto parsed = parseFileOptions(
        {{"period", {{"from", text.substr(0, dots)},
                     {"to", dots == std::string::npos ? "" : text.substr(dots + 2)}}}});
    if (!parsed) return parsed.error();
    file_options.period = parsed.value().period;
  }
  for (const std::string& path : a.files) {
    session.beginFile(path, file_options);
    if (auto error = io.read_file(path, [&](std::string_view chunk) { session.feed(chunk); })) {
      session.endFile();
      return error;
    }
    const nlohmann::json summary = session.endFile();
    for (const auto& warning : summary.value("warnings", nlohmann::json::array())) {
      io.err << "roilens: " << path << ": " << (warning.is_string() ? warning.get<std::string>() : warning.dump()) << "\n";
    }
  }
  return std::nullopt;
}

std::string dumpJson(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

int runWithSession(const Arguments& a, const CommandIo& io) {
  const bool french = option(a, "--lang") == "fr";
  auto offset = parseOffset(a);
  if (!offset) return fail(offset.error(), io, french);
  Session session(SessionOptions{offset.value()});
  if (a.files.empty() && a.command != "catalogue") {
    io.err << kUsage;
    return 2;
  }
  if (auto error = ingestFiles(session, a, io)) return fail(*error, io, french);

  const std::string format = option(a, "--format", a.command == "inspect" ? "table" : "json");
  const nlohmann::json options = commandOptions(a);
  if (a.command == "inspect") {
    const nlohmann::json files = session.inspect();
    if (format == "json") io.out << dumpJson(files) << "\n";
    else writeInspectTable(files, io.out, french);
    return 0;
  }
  Result<nlohmann::json> result = a.command == "report"        ? session.report(options)
                                  : a.command == "attribution" ? session.attribution(options)
                                                               : session.clv(options);
  if (!result) return fail(result.error(), io, french);
  const nlohmann::json& value = result.value();
  if (format == "json") {
    io.out << dumpJson(value) << "\n";
  } else if (format == "jsonl" && a.command == "report") {
    report::writeJsonl(value, io.out);
  } else if (format == "jsonl" && a.command == "attribution") {
    attribution::writeJsonl(value, io.out);
  } else if (format == "table" && a.command == "report") {
    report::writeTable(value, io.out, french);
  } else if (format == "table" && a.command == "attribution") {
    attribution::writeTable(value, io.out, french);
  } else if (format == "table" && a.command == "clv") {
    clv::writeTable(value, io.out, french);
  } else {
    io.err << "roilens: unsupported --format " << format << " for " << a.command << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

int runCommandLine(const std::vector<std::string>& args, const CommandIo& io) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? io.err : io.out) << kUsage;
    return args.empty() ? 2 : 0;
  }
  auto parsed = parseArguments(args);
  if (!parsed) {
    io.err << "roilens: " << parsed.error().describe() << "\n" << kUsage;
    return 2;
  }
  const Arguments& a = parsed.value();
  if (a.command == "catalogue") {
    const nlohmann::json catalogue = Session::catalogue();
    if (option(a, "--format", "json") == "json") io.out << dumpJson(catalogue) << "\n";
    else writeCatalogueTable(catalogue, io.out, option(a, "--lang") == "fr");
    return 0;
  }
  static const std::set<std::string> commands = {"report", "inspect", "attribution", "clv"};
  if (!commands.count(a.command)) {
    io.err << "roilens: unknown command '" << a.command << "'\n" << kUsage;
    return 2;
  }
  return runWithSession(a, io);
}

}  // namespace roilens
