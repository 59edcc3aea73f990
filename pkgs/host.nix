# Host packages: where no Nix is installed, `pkgs.NAME` stands for the program NAME installed
# on this machine. It is a derivation (builder `builtin:hearth-host`, src/store/build.c) whose
# output, made when a generation needs it, is `bin/` holding links to the program found on
# PATH and to every program the host package database (dpkg's) lists for the package NAME.
# A package found in neither is an error then, naming the package and the option wanting it.
#
# The names available are the programs on PATH and the packages dpkg knows (read when `pkgs`
# is first used), and a few nixpkgs names for packages Debian calls differently (gnugrep is
# grep, ripgrep's program is rg); `hostPackage "NAME"` makes one for any name.
{ lib, system }:

let
  inherit (builtins) getEnv readDir pathExists attrNames filter match head;

  # `hostPackage "NAME"`, or `hostPackage { name; package ? name; program ? name; }` for a
  # nixpkgs name whose host package (dpkg's name) or program is called differently.
  hostPackage = arg:
    let
      a = if builtins.isString arg then { name = arg; } else arg;
      package = a.package or a.name;
      program = a.program or a.name;
      drv = derivation {
        inherit (a) name;
        inherit system program;
        pname = package;
        builder = "builtin:hearth-host";
      };
    in
    drv // {
      pname = a.name;
      meta = { mainProgram = program; description = "${a.name}, as installed on this machine"; };
    };

  # `pkgs.NAME` for a NAME neither on PATH nor in the package database (hearth's evaluator
  # asks `__hearthMissingAttr`, pkgs/default.nix): a package whose name and meta can be read,
  # but whose use (outPath, drvPath) throws. The command line adds the option whose
  # evaluation forced it, from the module system's error context ("(wanted by OPTION)").
  missingPackage = name:
    let
      msg = "package '${name}' is not installed on this machine";
      self = {
        type = "derivation";
        inherit name;
        pname = name;
        outputName = "out";
        outputs = [ "out" ];
        out = self;
        outPath = throw msg;
        drvPath = throw msg;
        meta = { mainProgram = name; description = "${name}, not installed on this machine"; };
      };
    in
    self;

  # nixpkgs' names for some packages Debian names (or whose program is named) differently.
  aliases = {
    gnugrep = { package = "grep"; program = "grep"; };
    gnused = { package = "sed"; program = "sed"; };
    gnutar = { package = "tar"; program = "tar"; };
    gnumake = { package = "make"; program = "make"; };
    ripgrep = { program = "rg"; };
    fd = { package = "fd-find"; program = "fdfind"; };
    bat = { program = "batcat"; };
    nodejs = { program = "node"; };
    neovim = { program = "nvim"; };
    openssh = { package = "openssh-client"; program = "ssh"; };
    python3 = { program = "python3"; };
    procps = { program = "ps"; };
    iproute2 = { program = "ip"; };
    silver-searcher = { program = "ag"; };
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
  # nixpkgs' names for which Debian has a package of the same name that holds no programs
  # (gnupg is a metapackage; gpg is in the package gpg): these win over dpkg's names.
  overrides = {
    gnupg = { package = "gpg"; program = "gpg"; };
  };
in
{
  inherit hostPackage missingPackage;
  # A program or package of that very name wins over an alias, but not over an override.
  packages = builtins.mapAttrs (n: a: hostPackage ({ name = n; } // a)) aliases
    // builtins.listToAttrs (map (n: { name = n; value = hostPackage n; }) names)
    // builtins.mapAttrs (n: a: hostPackage ({ name = n; } // a)) overrides;
}
