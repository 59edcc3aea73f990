# source: NixOS manual, Option Definitions, Delaying Conditionals: config = mkIf config.services.httpd.enable { ... } avoids infinite recursion
# expect: { packages = [ "httpd" ]; services = { httpd = { enable = true; }; }; }
with import ../harness.nix;
config [
  { options.services.httpd.enable = mkEnableOption "httpd";
    options.packages = mkOption { type = types.listOf types.str; default = [ ]; }; }
  ({ config, ... }: { config = mkIf config.services.httpd.enable { packages = [ "httpd" ]; }; })
  { services.httpd.enable = true; }
]
