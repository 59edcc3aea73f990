# source: NixOS manual, Freeform modules: the `settings` pattern, a submodule with freeformType and some declared options
# expect: { log = "info"; port = 8080; }
with import ../harness.nix;
(config [
  { options.settings = mkOption {
      type = types.submodule {
        freeformType = types.attrsOf (types.oneOf [ types.int types.str ]);
        options.port = mkOption { type = types.port; default = 80; };
      };
      default = { };
    }; }
  { settings = { port = 8080; log = "info"; }; }
]).settings
