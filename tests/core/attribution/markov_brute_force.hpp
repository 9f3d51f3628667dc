#pragma once
// An independent Markov computation for tests: the order-1 chain rebuilt from the journeys with
// plain maps, and probability mass pushed from (start) step by step until it is absorbed.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "roilens/attribution/journey.hpp"

namespace roilens::attribution::testing {

struct BruteForce {
  std::map<std::string, std::map<std::string, double>> counts;
  std::map<std::string, double> value_in, conv_in;

  explicit BruteForce(const std::vector<Journey>& journeys) {
    for (const Journey& j : journeys) {
      std::vector<std::string> path;
      for (const Touch& t : j.touches) {
        if (path.empty() || path.back() != t.channel) path.push_back(t.channel);
      }
      std::string from = "(start)";
      for (const std::string& c : path) {
        counts[from][c] += j.conversions + j.nulls;
        from = c;
      }
      counts[from]["(conversion)"] += j.conversions;
      counts[from]["(null)"] += j.nulls;
      value_in[from] += j.value;
      conv_in[from] += j.conversions;
    }
  }

  // {P(conversion), expected value} with `removed` sending its inflow to null.
  std::pair<double, double> absorb(const std::string& removed) const {
    std::map<std::string, double> mass{{"(start)", 1.0}};
    double converted = 0.0, value = 0.0;
    for (int step = 0; step < 100000 && !mass.empty(); ++step) {
      std::map<std::string, double> next;
      for (const auto& [state, p] : mass) {
        double total = 0.0;
        for (const auto& [to, w] : counts.at(state)) total += w;
        for (const auto& [to, w] : counts.at(state)) {
          const double flow = p * w / total;
          if (to == "(conversion)") {
            converted += flow;
            value += flow * value_in.at(state) / conv_in.at(state);
          } else if (to != "(null)" && to != removed && flow > 1e-300) {
            next[to] += flow;
          }
        }
      }
      mass = std::move(next);
    }
    return {converted, value};
  }
};

}  // namespace roilens::attribution::testing
