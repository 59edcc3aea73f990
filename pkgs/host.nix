# Host packages: where no Nix is installed, `pkgs.NAME` stands for the program NAME installed
# on this machine. It is a derivation (builder `builtin:hearth-host`, src/store/build.c) whose
# output, made when a generation needs it, is `bin/` holding links to the program found on
# PATH and to every program the host package database (dpkg's) lists for the package NAME.
# A package found in neither is an error then, naming the package and the option wanting it.
#
# The names available are the programs on PATH and the packages dpkg knows (read when `pkgs`
# is first used); `hostPackage "NAME"` makes one for any name.
{ lib, system }:

let
  inherit (builtins) getEnv readDir pathExists attrNames filter match head;

  hostPackage = name:
    let
      drv = derivation {
        inherit name system;
        pname = name;
        program = name;
        builder = "builtin:hearth-host";
      };
    in
    drv // {
      pname = name;
      meta = { mainProgram = name; description = "${name}, as installed on this machine"; };
    };

  dpkgInfo = let d = getEnv "HEARTH_DPKG_INFO"; in if d != "" then d else "/var/lib/dpkg/info";

  namesIn = dir: if pathExists dir then attrNames (readDir dir) else [ ];

  pathNames = lib.concatMap namesIn
    (filter (d: d != "" && lib.hasPrefix "/" d) (lib.splitString ":" (getEnv "PATH")));

  dpkgNames = lib.concatMap
    (f: let m = match "([^:]+)(:.*)?\\.list" f; in if m == null then [ ] else [ (head m) ])
    (namesIn dpkgInfo);

  # hearth lists them in C (src/nix/builtins_pkgs.c), much faster; Nix reads them here.
  names = if builtins ? hearthHostNames then builtins.hearthHostNames null else pathNames ++ dpkgNames;
in
{
  inherit hostPackage;
  packages = builtins.listToAttrs (map (n: { name = n; value = hostPackage n; }) names);
}
