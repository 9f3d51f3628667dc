#pragma once
// A sum that carries its rounding error (Neumaier's variant of Kahan summation): the likelihoods
// and their gradients add thousands of terms, and a fit polished to the gradient's root is only
// as reproducible as that sum is exact. (-ffp-contract=off and no -ffast-math keep the
// compensation from being optimised away.)
#include <cmath>

namespace roilens::clv {

class CompensatedSum {
 public:
  void add(double term) {
    const double total = sum_ + term;
    // The low-order bits the addition lost, from whichever operand is smaller in magnitude.
    compensation_ +=
        std::fabs(sum_) >= std::fabs(term) ? (sum_ - total) + term : (term - total) + sum_;
    sum_ = total;
  }
  double value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0.0;
  double compensation_ = 0.0;
};

}  // namespace roilens::clv
