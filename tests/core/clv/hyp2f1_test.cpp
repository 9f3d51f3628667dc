#include "roilens/clv/hyp2f1.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace roilens::clv {
namespace {

double value(double a, double b, double c, double z) {
  const Result<double> v = hyp2f1(a, b, c, z);
  EXPECT_TRUE(v.ok()) << "2F1(" << a << ", " << b << "; " << c << "; " << z << ")";
  return v.ok() ? v.value() : NAN;
}

void expectRelative(double actual, double expected, double tolerance) {
  EXPECT_NEAR(actual, expected, tolerance * std::fabs(expected));
}

// Closed forms (Abramowitz & Stegun 15.1.3-15.1.8). They cover every branch of the
// implementation: plain series (|z| <= 0.9), Pfaff (z < 0), the 1 - z connection formula
// (0.9 < z < 1) with c - a - b = 0, a negative integer, and a non-integer.
class Hyp2f1Log : public ::testing::TestWithParam<double> {};

TEST_P(Hyp2f1Log, OneOneTwoIsMinusLogOverZ) {  // 2F1(1,1;2;z) = -ln(1-z)/z
  const double z = GetParam();
  expectRelative(value(1, 1, 2, z), -std::log1p(-z) / z, 1e-9);
}
INSTANTIATE_TEST_SUITE_P(AcrossBranches, Hyp2f1Log,
                         ::testing::Values(0.3, 0.85, 0.9, 0.91, 0.95, 0.999, 0.999999, -0.5, -5.0,
                                           -50.0, -1e6));

TEST(Hyp2f1, PowerWhenBEqualsC) {  // 2F1(a,b;b;z) = (1-z)^-a
  for (const double z : {0.5, 0.93, 0.9999, -0.7, -3.0, -200.0}) {
    expectRelative(value(0.7, 2.3, 2.3, z), std::pow(1.0 - z, -0.7), 1e-9);
    expectRelative(value(1.0, 2.0, 2.0, z), 1.0 / (1.0 - z), 1e-9);  // c-a-b = -1
    expectRelative(value(3.0, 5.5, 5.5, z), std::pow(1.0 - z, -3.0), 1e-9);
  }
}

TEST(Hyp2f1, ArcsinAndArctan) {
  for (const double s : {0.5, 0.97, 0.9995}) {  // 2F1(1/2,1/2;3/2;s^2) = asin(s)/s
    expectRelative(value(0.5, 0.5, 1.5, s * s), std::asin(s) / s, 1e-9);
  }
  for (const double s : {0.5, 3.0, 40.0}) {  // 2F1(1/2,1;3/2;-s^2) = atan(s)/s
    expectRelative(value(0.5, 1.0, 1.5, -s * s), std::atan(s) / s, 1e-9);
  }
  for (const double s : {0.5, 0.96}) {  // 2F1(1/2,1;3/2;s^2) = atanh(s)/s
    expectRelative(value(0.5, 1.0, 1.5, s * s), std::atanh(s) / s, 1e-9);
  }
}

TEST(Hyp2f1, PolynomialWhenANonPositiveInteger) {
  // 2F1(-2,b;c;z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1)); b=3, c=4, z=-3:
  // 1 + 18/4 + 12*9/20 = 1 + 4.5 + 5.4 = 10.9
  EXPECT_NEAR(value(-2, 3, 4, -3), 10.9, 1e-12);
  // z = 0.95: 1 - 6*0.95/4 + 12*0.9025/20 = 1 - 1.425 + 0.5415 = 0.1165
  EXPECT_NEAR(value(-2, 3, 4, 0.95), 0.1165, 1e-12);
}

TEST(Hyp2f1, GaussAtOne) {
  // 2F1(1,1;3;1) = Gamma(3)Gamma(1)/(Gamma(2)Gamma(2)) = 2
  EXPECT_NEAR(value(1, 1, 3, 1.0), 2.0, 1e-12);
  // Continuity from below through the connection formula.
  EXPECT_NEAR(value(1, 1, 3, 1.0 - 1e-9), 2.0, 1e-6);
  // 2F1(1/2,1/2;3/2;1) = asin(1) = pi/2
  EXPECT_NEAR(value(0.5, 0.5, 1.5, 1.0), M_PI / 2.0, 1e-12);
}

TEST(Hyp2f1, RejectsUndefinedArguments) {
  EXPECT_EQ(hyp2f1(1, 1, 2, 1.5).error().code, ErrorCode::kInvalidArgument);   // complex
  EXPECT_EQ(hyp2f1(1, 1, -2, 0.5).error().code, ErrorCode::kInvalidArgument);  // pole in c
  EXPECT_EQ(hyp2f1(1, 1, 2, 1.0).error().code, ErrorCode::kInvalidArgument);   // diverges
  EXPECT_EQ(hyp2f1(1, NAN, 2, 0.5).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(hyp2f1(0.3, 0.4, 0.5, 0.0).value(), 1.0);
}

}  // namespace
}  // namespace roilens::clv
