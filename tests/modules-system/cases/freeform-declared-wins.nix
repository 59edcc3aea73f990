# source: NixOS manual, Freeform modules: declared options keep their own types, the freeform type covers the rest
# expect-error: A definition for option `settings.port' is not of type `16 bit unsigned integer; between 0 and 65535 (both inclusive)'.
with import ../harness.nix;
(config [
  { options.settings = mkOption {
      type = types.submodule { freeformType = types.attrsOf types.str; options.port = mkOption { type = types.port; }; };
    }; }
  { settings.port = "http"; }
]).settings
