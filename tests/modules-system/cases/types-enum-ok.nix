# source: NixOS manual, Option Types: types.enum l "One element of the list l"
# expect: "dark"
with import ../harness.nix;
(config [
  { options.theme = mkOption { type = types.enum [ "light" "dark" ]; default = "light"; }; }
  { theme = "dark"; }
]).theme
