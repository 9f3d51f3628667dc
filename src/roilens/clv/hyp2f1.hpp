#pragma once
// The Gauss hypergeometric function 2F1(a, b; c; z) for real arguments, z <= 1.
// BG/NBD needs it for expected purchases (Fader, Hardie & Lee 2005, eq. 9 and 10).
#include "roilens/core/error.hpp"

namespace roilens::clv {

// 2F1(a, b; c; z) = sum_n (a)_n (b)_n / ((c)_n n!) z^n, continued analytically to z < -1.
// Strategy (Abramowitz & Stegun 15.3): the power series for 0 <= z <= 0.9; Pfaff's transformation
// for z < 0 (maps z onto z/(z-1) in (0, 1)); the 1 - z connection formula for 0.9 < z < 1 (when
// c - a - b is within 1e-3 of an integer, where that formula has poles, the value is extrapolated
// from c +- 1e-4 and c +- 2e-4 by Richardson's method, relative error below 1e-9 in the tests);
// Gauss's theorem at z = 1.
// Errors: kInvalidArgument for z > 1 (complex-valued), c a non-positive integer, non-finite input,
// or z = 1 with c - a - b <= 0 (diverges); kNotConverged when a series does not settle.
Result<double> hyp2f1(double a, double b, double c, double z);

}  // namespace roilens::clv
