#pragma once
// The attribution models roilens offers: ids, labels and definitions in English and French.
#include <array>
#include <optional>
#include <string_view>

namespace roilens::attribution {

enum class ModelId {
  kFirstTouch,
  kLastTouch,
  kLastNonDirect,
  kLinear,
  kTimeDecay,
  kPositionBased,
  kWShaped,
  kFullPath,
  kJShaped,
  kInverseJ,
  kMarkov1,
  kMarkov2,
  kMarkov3,
  kShapley,
};

struct ModelInfo {
  ModelId id;
  std::string_view key;  // the id used in JSON, JSONL and the CLI
  std::string_view label_en;
  std::string_view label_fr;
  std::string_view definition_en;
  std::string_view definition_fr;
};

inline constexpr std::size_t kModelCount = 14;

// Every model, in display order (rule-based models first, then data-driven ones).
const std::array<ModelInfo, kModelCount>& modelCatalogue();
const ModelInfo& modelInfo(ModelId id);
std::optional<ModelId> modelFromKey(std::string_view key);

bool isRuleBased(ModelId id);
// 1, 2 or 3 for markov_1..3; nullopt for every other model.
std::optional<int> markovOrder(ModelId id);

}  // namespace roilens::attribution
