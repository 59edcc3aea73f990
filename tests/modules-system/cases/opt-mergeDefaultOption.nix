# source: nixpkgs lib docs, lib.options.mergeDefaultOption merge behaviour (lists concatenated, sets merged, strings concatenated)
# expect: { list = [ 1 2 ]; set = { a = 1; b = 2; }; str = "ab"; }
with import ../harness.nix;
let m = vs: lib.mergeDefaultOption [ "x" ] (map (v: { file = "f"; value = v; }) vs); in
{ list = m [ [ 1 ] [ 2 ] ]; set = m [ { a = 1; } { b = 2; } ]; str = m [ "a" "b" ]; }
