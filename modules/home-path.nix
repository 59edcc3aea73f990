# home-path: `home.packages` as one tree, and what a generation must realise.
#
# Owns: `home.path` (buildEnv of home.packages with home.extraOutputsToInstall, named
# home-manager-path as in Home Manager: two packages providing the same file is an error naming
# both), `home.realiseSpec` (the derivations the generation needs, each with the option that
# wants it, for src/store/build.c), and the PATH entry of hm-session-vars.sh that puts the
# profile's home-path/bin first when there are packages (hearth links no ~/.nix-profile).
{ config, lib, pkgs, ... }:

let
  cfg = config.home;

  # hearth's own pkgs has hostPackage; nixpkgs' packages are built by the installed Nix.
  via = if pkgs ? hostPackage then "hearth" else "nix";

  # hearth's buildEnv, whatever pkgs is: the same tree and collision error everywhere.
  inherit (import ../pkgs/builders.nix { inherit lib; system = pkgs.system or builtins.currentSystem; }) buildEnv;

  # Derivations (by .drv path) that a string's context asks for.
  drvsOf = s: builtins.filter (p: lib.hasSuffix ".drv" p) (builtins.attrNames (builtins.getContext s));
in
{
  options.home = {
    path = lib.mkOption {
      type = lib.types.package;
      internal = true;
      readOnly = true;
      description = "The package containing the complete environment of home.packages.";
    };

    realiseSpec = lib.mkOption {
      type = lib.types.functionTo (lib.types.listOf lib.types.attrs);
      internal = true;
      readOnly = true;
      description = ''
        Given the generation spec's other fields as JSON, the derivations to realise before
        building it: `{ drv; wantedBy; }`, home.path first.
      '';
    };
  };

  config = {
    home.path = buildEnv {
      name = "home-manager-path";
      # Each package is used under home.packages' error context, so that a host package that
      # is not installed is reported as wanted by home.packages (src/cli/config_eval.c).
      paths = map (p: builtins.addErrorContext "while evaluating the option `home.packages':"
        (builtins.seq (toString p) p)) cfg.packages;
      inherit (cfg) extraOutputsToInstall;
      meta.description = "Environment of packages installed through Home Manager";
    };

    # `outputs`, where known, lets a build from a cached evaluation skip a derivation whose
    # .drv `hearth gc` removed while its outputs are still there.
    home.realiseSpec = json: map (e: { outputs = [ ]; } // e // { inherit via; }) (
      [{ drv = cfg.path.drvPath; wantedBy = "home.packages"; outputs = [ cfg.path.outPath ]; }]
      ++ lib.concatMap (f:
        let
          drvs = drvsOf (builtins.toJSON f);
          m = builtins.match "(${builtins.storeDir}/[^/]+).*" (f.source or "");
        in
        map (d: { drv = d; wantedBy = "home.file.\"${f.target}\".source"; }
          // lib.optionalAttrs (builtins.length drvs == 1 && m != null) { outputs = m; })
          drvs) cfg.fileSpec
      ++ map (d: { drv = d; wantedBy = "the generation"; }) (drvsOf json));

    home.sessionPath = lib.mkIf (cfg.packages != [ ])
      (lib.mkAfter [ "\${XDG_STATE_HOME:-$HOME/.local/state}/hearth/profiles/home-manager/home-path/bin" ]);
  };
}
