# The extremes a double holds, and zero with a huge exponent, are accepted
[ 1.0e308 1.0e-307 2.2250738585072014e-308 1.7976931348623157e308 0.0e-400 ]
