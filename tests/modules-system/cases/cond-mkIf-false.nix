# source: NixOS manual, Option Definitions, Delaying Conditionals: mkIf false contributes no definitions
# expect: { packages = [ ]; services = { httpd = { enable = false; }; }; }
with import ../harness.nix;
config [
  { options.services.httpd.enable = mkEnableOption "httpd";
    options.packages = mkOption { type = types.listOf types.str; default = [ ]; }; }
  ({ config, ... }: { config = mkIf config.services.httpd.enable { packages = [ "httpd" ]; }; })
]
