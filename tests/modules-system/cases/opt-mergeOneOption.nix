# source: nixpkgs lib/options.nix mergeOneOption: a single definition is its value; more are an error
# expect-error: The option `a.b' is defined multiple times while it's expected to be unique.
with import ../harness.nix;
lib.mergeOneOption [ "a" "b" ] [ { file = "f1"; value = 1; } { file = "f2"; value = 1; } ]
