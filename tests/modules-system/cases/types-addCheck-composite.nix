# source: NixOS manual, Option Types: types.addCheck "Augment the given type with an additional type check function"; works for composite types too
# expect-error: A definition for option `l' is not of type `list of signed integer'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix':
# expect-error: [
# expect-error: 1
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.addCheck (types.listOf types.int) (l: builtins.length l > 1); }; }
  { _file = home; l = [ 1 ]; }
]).l
