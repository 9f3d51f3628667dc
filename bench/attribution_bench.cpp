// Attribution of ChannelAttribution's Data.csv (10,000 paths): all models together, and each
// model alone as peers in the same run, so reports state ratios (bench/README.md).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "roilens/attribution/attribute.hpp"
#include "roilens/attribution/catalogue.hpp"

namespace {

using roilens::attribution::attribute;
using roilens::attribution::AttributionOptions;
using roilens::attribution::modelCatalogue;

// Path data read here with a minimal reader so the benchmark measures attribution only.
roilens::model::Dataset loadDataCsv() {
  roilens::model::Dataset dataset;
  std::ifstream in(std::string(ROILENS_SHARED_DIR) + "/datasets/attribution/Data.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream cells(line);
    std::string path, conversions, value, nulls;
    std::getline(cells, path, ';');
    std::getline(cells, conversions, ';');
    std::getline(cells, value, ';');
    std::getline(cells, nulls, ';');
    roilens::model::PathAggregate row;
    for (std::size_t start = 0;;) {
      const std::size_t gt = path.find(" > ", start);
      row.channels.push_back(path.substr(start, gt == std::string::npos ? gt : gt - start));
      if (gt == std::string::npos) break;
      start = gt + 3;
    }
    row.conversions = std::stod(conversions);
    row.conversion_value = std::stod(value);
    row.nulls = std::stod(nulls);
    dataset.paths.push_back(std::move(row));
  }
  return dataset;
}

const roilens::model::Dataset& dataCsv() {
  static const roilens::model::Dataset dataset = loadDataCsv();
  return dataset;
}

void runAttribution(benchmark::State& state, const AttributionOptions& options) {
  const roilens::model::Dataset& dataset = dataCsv();
  if (dataset.paths.empty()) {
    state.SkipWithError("Data.csv not found under ROILENS_SHARED_DIR");
    return;
  }
  for (auto _ : state) {
    auto result = attribute(dataset, options);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(dataset.paths.size()));
}

// Every model (10 rule-based, Markov orders 1–3, Shapley): the "well under a second".
void BM_AttributionAllModels(benchmark::State& state) {
  runAttribution(state, AttributionOptions{});
}
BENCHMARK(BM_AttributionAllModels)->Unit(benchmark::kMillisecond);

// One model at a time: argument = index in the catalogue (0 first_touch … 13 shapley).
void BM_AttributionOneModel(benchmark::State& state) {
  AttributionOptions options;
  options.model = std::string(modelCatalogue()[static_cast<std::size_t>(state.range(0))].key);
  state.SetLabel(options.model);
  runAttribution(state, options);
}
BENCHMARK(BM_AttributionOneModel)->DenseRange(0, 13)->Unit(benchmark::kMillisecond);

}  // namespace
