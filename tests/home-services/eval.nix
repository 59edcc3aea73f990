# Evaluates a case: modules/systemd.nix, modules/launchd.nix and modules/home-services with the
# stand-ins, and the case's configuration module. The result, printed as JSON:
#   files: every xdg.configFile as { "RELATIVE-PATH" = TEXT; } (a source file is read)
#   agents: launchd.agentFiles ("LABEL.plist" = TEXT)
#   failed: the messages of failed assertions; warnings: the warnings
{ lib, top, case }:
let
  evaluated = lib.evalModules {
    modules = [
      ./stand-in.nix
      (top + "/modules/systemd.nix")
      (top + "/modules/launchd.nix")
      (top + "/modules/home-services")
      case
    ];
  };
  config = evaluated.config;
in
{
  files = builtins.mapAttrs (_: f: builtins.readFile f.source)
    (lib.filterAttrs (_: f: f.enable) config.xdg.configFile);
  agents = config.launchd.agentFiles;
  failed = map (a: a.message) (builtins.filter (a: !a.assertion) config.assertions);
  inherit (config) warnings;
}
