#include "roilens/attribution/catalogue.hpp"

namespace roilens::attribution {
namespace {

constexpr std::array<ModelInfo, kModelCount> kCatalogue{{
    {ModelId::kFirstTouch, "first_touch", "First touch", "Premier contact",
     "All the credit goes to the first touch of the journey.",
     "Tout le crédit va au premier point de contact du parcours."},
    {ModelId::kLastTouch, "last_touch", "Last touch", "Dernier contact",
     "All the credit goes to the last touch before the conversion.",
     "Tout le crédit va au dernier point de contact avant la conversion."},
    {ModelId::kLastNonDirect, "last_non_direct", "Last non-direct touch",
     "Dernier contact non direct",
     "All the credit goes to the last touch that is not Direct traffic (GA4's rule); a journey "
     "made "
     "only of Direct touches credits Direct.",
     "Tout le crédit va au dernier point de contact qui n'est pas du trafic direct (règle de GA4) "
     "; "
     "un parcours uniquement direct crédite Direct."},
    {ModelId::kLinear, "linear", "Linear", "Linéaire",
     "Each touch of the journey receives an equal share (a channel seen twice gets two shares).",
     "Chaque point de contact reçoit une part égale (un canal vu deux fois reçoit deux parts)."},
    {ModelId::kTimeDecay, "time_decay", "Time decay", "Dégressif dans le temps",
     "Touches closer to the conversion get more credit: weight 2^(-age / half-life), half-life 7 "
     "days "
     "by default; without timestamps each step back counts as one day.",
     "Les contacts proches de la conversion reçoivent plus de crédit : poids 2^(-âge / demi-vie), "
     "demi-vie de 7 jours par défaut ; sans horodatage, chaque étape compte pour un jour."},
    {ModelId::kPositionBased, "position_based", "Position-based (U-shaped)",
     "Basé sur la position (en U)",
     "40% to the first touch, 40% to the last, 20% spread over the touches in between.",
     "40 % au premier contact, 40 % au dernier, 20 % répartis entre les contacts intermédiaires."},
    {ModelId::kWShaped, "w_shaped", "W-shaped", "En W",
     "30% each to the first touch, the lead-creation touch and the last touch, 10% spread over the "
     "others (without a lead date, the middle touch stands for lead creation).",
     "30 % chacun au premier contact, au contact de création du lead et au dernier contact, 10 % "
     "répartis entre les autres (sans date de lead, le contact du milieu en tient lieu)."},
    {ModelId::kFullPath, "full_path", "Full path (Z-shaped)", "Parcours complet (en Z)",
     "22.5% each to the first touch, the lead-creation touch, the opportunity-creation touch and "
     "the "
     "last touch, 10% spread over the others.",
     "22,5 % chacun au premier contact, au contact de création du lead, à celui de création de "
     "l'opportunité et au dernier contact, 10 % répartis entre les autres."},
    {ModelId::kJShaped, "j_shaped", "J-shaped", "En J",
     "20% to the first touch, 60% to the last, 20% spread over the touches in between.",
     "20 % au premier contact, 60 % au dernier, 20 % répartis entre les contacts intermédiaires."},
    {ModelId::kInverseJ, "inverse_j", "Inverse J", "En J inversé",
     "60% to the first touch, 20% to the last, 20% spread over the touches in between.",
     "60 % au premier contact, 20 % au dernier, 20 % répartis entre les contacts intermédiaires."},
    {ModelId::kMarkov1, "markov_1", "Markov chain (order 1)", "Chaîne de Markov (ordre 1)",
     "Data-driven: credit in proportion to each channel's removal effect, the share of conversions "
     "lost when the channel is removed from the journeys' transition graph.",
     "Piloté par les données : crédit proportionnel à l'effet de retrait de chaque canal, la part "
     "des conversions perdues quand on retire le canal du graphe des transitions."},
    {ModelId::kMarkov2, "markov_2", "Markov chain (order 2)", "Chaîne de Markov (ordre 2)",
     "As order 1, but each state remembers the last two channels of the journey.",
     "Comme l'ordre 1, mais chaque état retient les deux derniers canaux du parcours."},
    {ModelId::kMarkov3, "markov_3", "Markov chain (order 3)", "Chaîne de Markov (ordre 3)",
     "As order 1, but each state remembers the last three channels of the journey.",
     "Comme l'ordre 1, mais chaque état retient les trois derniers canaux du parcours."},
    {ModelId::kShapley, "shapley", "Shapley value", "Valeur de Shapley",
     "Data-driven: each channel gets its average marginal contribution to the "
     "conversions of the journeys made only of the channels present, over all the orders in which "
     "channels can join; this shares each conversion equally among the distinct channels of its "
     "journey.",
     "Piloté par les données : chaque canal reçoit sa contribution marginale "
     "moyenne aux conversions des parcours formés uniquement des canaux présents, sur tous les "
     "ordres d'arrivée possibles ; chaque conversion est ainsi partagée à parts égales entre les "
     "canaux distincts de son parcours."},
}};

}  // namespace

const std::array<ModelInfo, kModelCount>& modelCatalogue() { return kCatalogue; }

const ModelInfo& modelInfo(ModelId id) { return kCatalogue[static_cast<std::size_t>(id)]; }

std::optional<ModelId> modelFromKey(std::string_view key) {
  for (const ModelInfo& info : kCatalogue) {
    if (info.key == key) return info.id;
  }
  return std::nullopt;
}

bool isRuleBased(ModelId id) {
  return static_cast<int>(id) <= static_cast<int>(ModelId::kInverseJ);
}

std::optional<int> markovOrder(ModelId id) {
  switch (id) {
    case ModelId::kMarkov1:
      return 1;
    case ModelId::kMarkov2:
      return 2;
    case ModelId::kMarkov3:
      return 3;
    default:
      return std::nullopt;
  }
}

}  // namespace roilens::attribution
