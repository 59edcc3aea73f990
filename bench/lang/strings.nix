# String concatenation in a loop (quadratic copying), interpolation and toString.
let
  step = acc: i: acc + "${toString i},";
  s = builtins.foldl' step "" (builtins.genList (i: i) 20000);
in
builtins.stringLength s
