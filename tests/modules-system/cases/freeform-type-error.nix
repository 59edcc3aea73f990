# source: NixOS manual, Freeform modules: freeform definitions are checked by the freeform type
# expect-error: A definition for option `extra' is not of type `string'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': 5
with import ../harness.nix;
config [
  { freeformType = types.attrsOf types.str;
    options.declared = mkOption { type = types.int; default = 0; }; }
  { _file = home; extra = 5; }
]
