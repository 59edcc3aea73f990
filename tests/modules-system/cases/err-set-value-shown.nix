# source: nixpkgs lib/options.nix showDefs: values are pretty-printed as in lib.generators.toPretty
# expect-error: A definition for option `x' is not of type `signed integer'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix':
# expect-error: {
# expect-error: a = "b";
# expect-error: "c d" = null;
# expect-error: }
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; }; }
  { _file = home; x = { a = "b"; "c d" = null; }; }
]).x
