# source: nixpkgs lib/options.nix mergeEqualOption: equal definitions give that value; a single function is returned as is
# expect: { equal = 3; fn = 5; }
with import ../harness.nix;
{ equal = lib.mergeEqualOption [ "x" ] [ { file = "a"; value = 3; } { file = "b"; value = 3; } ];
  fn = (lib.mergeEqualOption [ "x" ] [ { file = "a"; value = (x: x + 1); } ]) 4; }
