#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "roilens/clv/clv.hpp"

namespace roilens::clv {
namespace {

using nlohmann::json;

constexpr std::size_t kTopCustomers = 10;

std::string number(const json& v, int decimals = 2) {
  if (!v.is_number()) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v.get<double>());
  return buffer;
}

std::string pad(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

struct Labels {
  const char* title;
  const char* model;
  const char* top;
  const char* top_purchases;
  const char* customer;
  const char* cohorts;
  const char* channels;
  const char* warnings;
  const char* not_fitted;
};

constexpr Labels kEnglish{"Customer lifetime value",
                          "Models",
                          "Top customers by predicted CLV",
                          "Top customers by expected purchases",
                          "customer",
                          "Acquisition cohorts",
                          "By acquisition channel",
                          "Warnings",
                          "Model not fitted"};
constexpr Labels kFrench{"Valeur vie client (CLV)",
                         "Modèles",
                         "Meilleurs clients par CLV prédite",
                         "Meilleurs clients par achats attendus",
                         "client",
                         "Cohortes d'acquisition",
                         "Par canal d'acquisition",
                         "Avertissements",
                         "Modèle non ajusté"};

void writeModels(const json& a, std::ostream& out, const Labels& l, bool french) {
  out << l.model << "\n";
  if (a.contains("bgnbd") && a["bgnbd"].is_object()) {
    const json& b = a["bgnbd"];
    out << "  BG/NBD: r=" << number(b["r"], 4) << " alpha=" << number(b["alpha"], 4)
        << " a=" << number(b["a"], 4) << " b=" << number(b["b"], 4)
        << " LL=" << number(b["log_likelihood"], 3) << "\n";
  }
  if (a.contains("gamma_gamma") && a["gamma_gamma"].is_object()) {
    const json& g = a["gamma_gamma"];
    out << "  Gamma-Gamma: p=" << number(g["p"], 4) << " q=" << number(g["q"], 4)
        << " gamma=" << number(g["gamma"], 4) << "\n";
  }
  if (a.contains("model_error") && a["model_error"].is_object()) {
    out << "  " << l.not_fitted << ": "
        << a["model_error"].value(french ? "message_fr" : "message_en", "") << "\n";
  }
  if (a.contains("summary")) {
    const json& s = a["summary"];
    out << (french ? "  Clients : " : "  Customers: ") << s.value("customers", 0)
        << (french ? ", CLV moyenne : " : ", mean CLV: ") << number(s.value("clv_mean", json()))
        << " (" << a.value("horizon_months", 0) << (french ? " mois, unité " : " months, unit ")
        << a.value("unit", "") << ")\n";
  }
}

// Observed value so far and, with a calibration end, the model's check on the holdout period.
void writeHistoricalAndHoldout(const json& a, std::ostream& out, bool french) {
  if (a.contains("historical") && a["historical"].is_object()) {
    const json& h = a["historical"];
    out << (french ? "  CLV historique (revenu par client à ce jour) : "
                   : "  Historical CLV (revenue per customer so far): ")
        << number(h["clv"]) << (french ? " (panier moyen " : " (AOV ")
        << number(h["average_order_value"]) << ")\n";
  }
  if (a.contains("holdout") && a["holdout"].is_object()) {
    const json& h = a["holdout"];
    out << (french ? "  Période de contrôle " : "  Holdout ") << h.value("start", "") << " .. "
        << h.value("end", "") << (french ? " : achats réels " : ": actual purchases ")
        << number(h["actual_purchases"], 0) << (french ? ", prévus " : ", predicted ")
        << number(h["predicted_purchases"], 0) << "\n";
  }
}

// Sorted by predicted CLV, or by expected purchases when there is no spend to value them.
void writeTopCustomers(const json& a, std::ostream& out, const Labels& l) {
  if (!a.contains("customers")) return;
  bool valued = false;
  for (const json& c : a["customers"]) valued = valued || c["clv"].is_number();
  const char* key = valued ? "clv" : "expected_purchases";
  std::vector<const json*> rows;
  for (const json& c : a["customers"]) {
    if (c[key].is_number()) rows.push_back(&c);
  }
  const std::size_t n = std::min(kTopCustomers, rows.size());
  std::partial_sort(rows.begin(), rows.begin() + n, rows.end(), [&](const json* x, const json* y) {
    return (*x)[key].get<double>() > (*y)[key].get<double>();
  });
  out << "\n"
      << (valued ? l.top : l.top_purchases) << "\n  " << pad(l.customer, 16) << pad("x", 6)
      << pad("P(alive)", 10) << pad("E[purch.]", 11) << "CLV\n";
  for (std::size_t i = 0; i < n; ++i) {
    const json& c = *rows[i];
    out << "  " << pad(c["customer"].get<std::string>(), 16) << pad(number(c["frequency"], 0), 6)
        << pad(number(c["p_alive"], 3), 10) << pad(number(c["expected_purchases"]), 11)
        << number(c["clv"]) << "\n";
  }
}

void writeCohorts(const json& a, std::ostream& out, const Labels& l, bool french) {
  if (!a.contains("cohorts") || a["cohorts"].empty()) return;
  out << "\n"
      << l.cohorts << (french ? " (rétention M+1, M+2, M+3)" : " (retention M+1, M+2, M+3)")
      << "\n";
  for (const json& c : a["cohorts"]) {
    out << "  " << c["cohort"].get<std::string>()
        << "  n=" << pad(std::to_string(c["customers"].get<std::size_t>()), 6)
        << "CLV=" << pad(number(c["clv"]), 10);
    const json& r = c["retention"];
    for (std::size_t k = 1; k <= 3 && k < r.size(); ++k)
      out << " " << number(json(r[k].get<double>() * 100.0), 1) << "%";
    out << "\n";
  }
}

void writeChannels(const json& a, std::ostream& out, const Labels& l) {
  if (!a.contains("by_channel") || a["by_channel"].empty()) return;
  out << "\n" << l.channels << "\n";
  for (const json& c : a["by_channel"]) {
    out << "  " << pad(c["channel"].get<std::string>(), 20)
        << "CLV=" << pad(number(c["historical"]["clv"]), 10) << "CAC=" << pad(number(c["cac"]), 10)
        << "LTV:CAC=" << number(c["ltv_to_cac"]) << "\n";
  }
}

}  // namespace

void writeTable(const json& analysis, std::ostream& out, bool french) {
  const Labels& l = french ? kFrench : kEnglish;
  out << l.title << "\n";
  writeModels(analysis, out, l, french);
  writeHistoricalAndHoldout(analysis, out, french);
  writeTopCustomers(analysis, out, l);
  writeCohorts(analysis, out, l, french);
  writeChannels(analysis, out, l);
  if (analysis.contains("warnings") && !analysis["warnings"].empty()) {
    out << "\n" << l.warnings << "\n";
    for (const json& w : analysis["warnings"]) {
      out << "  - " << w.value(french ? "message_fr" : "message_en", "") << "\n";
    }
  }
}

}  // namespace roilens::clv
