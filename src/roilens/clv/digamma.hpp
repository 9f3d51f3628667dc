#pragma once
// The digamma function ψ = (ln Γ)', for the exact gradients of the CLV models' likelihoods.
namespace roilens::clv {

// ψ(x) for x > 0 (NaN otherwise), to about 1e-15 absolute: the recurrence ψ(x) = ψ(x + 1) − 1/x up
// to x ≥ 10, then the asymptotic series ln x − 1/(2x) − Σ B_2k / (2k x^2k) to the x^−14 term
// (A&S 6.3.18). Only +, −, ×, ÷ and one log: the same result on every build up to the log's last
// bit.
double digamma(double x);

}  // namespace roilens::clv
