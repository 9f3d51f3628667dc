#include "roilens/metrics/catalogue_entries.hpp"

namespace roilens::metrics::detail {

KpiDefinition count(std::string id, int section, Text label, Text description, Text formula,
                    std::string measure, DimensionSet dims, std::string seed) {
  KpiDefinition k;
  k.id = std::move(id);
  k.section = section;
  k.label = std::move(label);
  k.description = std::move(description);
  k.formula = std::move(formula);
  k.kind = KpiKind::kCount;
  k.numerator = std::move(measure);
  k.dimensions = dims;
  k.seed = std::move(seed);
  return k;
}

KpiDefinition sum(std::string id, int section, Text label, Text description, Text formula,
                  std::string measure, DimensionSet dims, std::string seed) {
  KpiDefinition k = count(std::move(id), section, std::move(label), std::move(description),
                          std::move(formula), std::move(measure), dims, std::move(seed));
  k.kind = KpiKind::kSum;
  k.unit = Unit::kCurrency;
  return k;
}

KpiDefinition rate(std::string id, int section, Text label, Text description, Text formula,
                   std::string numerator, std::string denominator, DimensionSet dims,
                   std::string seed, Polarity polarity) {
  KpiDefinition k = count(std::move(id), section, std::move(label), std::move(description),
                          std::move(formula), std::move(numerator), dims, std::move(seed));
  k.kind = KpiKind::kRatio;
  k.denominator = std::move(denominator);
  k.combine = Combine::kRatio;
  k.scale = 100.0;
  k.unit = Unit::kPercent;
  k.polarity = polarity;
  return k;
}

KpiDefinition quotient(std::string id, int section, Text label, Text description, Text formula,
                       std::string numerator, std::string denominator, Unit unit, DimensionSet dims,
                       std::string seed, Polarity polarity) {
  KpiDefinition k =
      rate(std::move(id), section, std::move(label), std::move(description), std::move(formula),
           std::move(numerator), std::move(denominator), dims, std::move(seed), polarity);
  k.scale = 1.0;
  k.unit = unit;
  return k;
}

KpiDefinition withFamily(KpiDefinition k, std::string family) {
  k.family = std::move(family);
  return k;
}
KpiDefinition per(KpiDefinition k, Dimension d) {
  k.breakdown.push_back(d);
  return k;
}
KpiDefinition where(KpiDefinition k, Dimension d, std::string value) {
  k.where.emplace_back(d, std::move(value));
  return k;
}
KpiDefinition asKind(KpiDefinition k, KpiKind kind) {
  k.kind = kind;
  return k;
}

KpiDefinition special(std::string id, int section, Text label, Text description, Text formula,
                      Output output, std::vector<std::string> needs, std::string seed, Unit unit) {
  KpiDefinition k = count(std::move(id), section, std::move(label), std::move(description),
                          std::move(formula), "", {}, std::move(seed));
  k.kind = KpiKind::kDerived;
  k.output = output;
  k.needs = std::move(needs);
  k.unit = unit;
  k.polarity = Polarity::kNeutral;
  return k;
}

}  // namespace roilens::metrics::detail
