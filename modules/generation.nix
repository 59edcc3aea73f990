# generation: the generation spec that hearth builds (src/store/generation.h).
#
# Owns: `home.generationSpec`, the JSON text of { version, files, activation,
# sessionVariables, packages }: the enabled `home.file` entries, the `home.activation` DAG
# sorted (a cycle is an error naming it, as Home Manager's), the text of hm-session-vars.sh,
# the packages that are directories, `unitsPath` (where the systemd user units are inside
# home-files: xdg.configHome relative to HOME, + /systemd/user; the switch reads them there), and
# `launchAgents` ("LABEL.plist" = text, only when launchd agents are enabled: macOS); and the activation markers for the steps the engine
# does itself (checkLinkTargets, checkFilesChanged, linkGeneration, onFilesChange,
# reloadSystemd), placed as Home Manager's DAG places them.
{ config, lib, ... }:

let
  sorted = lib.hm.dag.topoSort config.home.activation;
  activation =
    if sorted ? result then map (e: { inherit (e) name data; }) sorted.result
    else throw ("Dependency cycle in activation script: " + builtins.toJSON sorted);

  # home.packages as one buildEnv (home-path.nix), built before the generation.
  packages = lib.optional (config.home.packages != [ ]) (toString config.home.path);

  # Relative to HOME as home.file targets are; a configHome outside HOME has no units in
  # home-files, so there is nothing to record.
  unitsPath = lib.removePrefix (config.home.homeDirectory + "/")
    "${config.xdg.configHome}/systemd/user";
in
{
  options.home.generationSpec = lib.mkOption {
    type = lib.types.str;
    internal = true;
    readOnly = true;
    description = "The generation spec, as JSON.";
  };

  config = {
    home.activation = with lib.hm.dag; {
      checkLinkTargets = entryBefore [ "writeBoundary" ] "";
      checkFilesChanged = entryBefore [ "linkGeneration" ] "";
      linkGeneration = entryAfter [ "writeBoundary" ] "";
      onFilesChange = entryAfter [ "linkGeneration" ] "";
      reloadSystemd = entryAfter [ "linkGeneration" ] "";
    };

    home.generationSpec =
      let
        body = {
          version = 1;
          # Read so that a missing or unknown release is an error, as in Home Manager.
          inherit (config.home) stateVersion;
          files = config.home.fileSpec;
          inherit activation packages;
          sessionVariables = config.home.sessionVariablesText;
        }
        // lib.optionalAttrs (!lib.hasPrefix "/" unitsPath) { inherit unitsPath; }
        # Only with agents (macOS), so that every other spec stays as it was.
        // lib.optionalAttrs (config.launchd.agentFiles != { }) {
          launchAgents = config.launchd.agentFiles;
        };
      in
      builtins.toJSON (body // { realise = config.home.realiseSpec (builtins.toJSON body); });
  };
}
