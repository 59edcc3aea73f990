# 2000 toFile texts, each referring to the previous one.
let
  step = prev: i: builtins.toFile "text-${toString i}" "line ${toString i} after ${toString prev}\n";
in builtins.foldl' step "" (builtins.genList (i: i) 2000)
