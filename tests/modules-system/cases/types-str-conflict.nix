# source: NixOS manual, Option Types: types.str "A string. Multiple definitions cannot be merged."
# expect-error: The option `name' has conflicting definition values:
# expect-error: - In `/two.nix': "b"
# expect-error: - In `/one.nix': "a"
with import ../harness.nix;
(config [
  { options.name = mkOption { type = types.str; }; }
  { _file = "/one.nix"; name = "a"; }
  { _file = "/two.nix"; name = "b"; }
]).name
