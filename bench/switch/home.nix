# The benchmark configuration: 300 files (100 home.file texts, 100 xdg.configFile texts,
# 100 home.file sources from ./sources, made by `run`) and 50 session variables.
{ config, lib, ... }:
let
  range = lib.range 1 100;
  n = i: lib.fixedWidthNumber 3 i;
in
{
  home.username = "bench";
  home.homeDirectory = builtins.getEnv "HOME";
  home.stateVersion = "25.05";
  xdg.enable = true;

  home.sessionVariables = lib.listToAttrs (map (i: {
    name = "BENCH_VAR_${n i}";
    value = "value ${toString i} in $HOME";
  }) (lib.range 1 50));
  home.sessionPath = [ "$HOME/.local/bin" ];

  home.file = lib.listToAttrs (map (i: {
    name = ".bench/text/file-${n i}.conf";
    value.text = ''
      # file ${toString i}
      key = ${toString (i * 7)}
      name = "${config.home.username}"
    '';
  }) range)
  // lib.listToAttrs (map (i: {
    name = ".bench/source/file-${n i}";
    value.source = ./sources + "/file-${n i}";
  }) range);

  xdg.configFile = lib.listToAttrs (map (i: {
    name = "bench/app-${n i}/config.ini";
    value.text = lib.generators.toINI { } { main = { id = i; enabled = lib.mod i 2 == 0; }; };
  }) range);
}
