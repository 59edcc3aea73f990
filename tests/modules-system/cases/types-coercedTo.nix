# source: NixOS manual, Option Types: types.coercedTo from f to "values of type from are converted with f"
# expect: { a = "5"; b = "x"; }
with import ../harness.nix;
config [
  { options.a = mkOption { type = types.coercedTo types.int toString types.str; };
    options.b = mkOption { type = types.coercedTo types.int toString types.str; }; }
  { a = 5; b = "x"; }
]
