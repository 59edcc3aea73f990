# files: `home.file`, the files linked into the home directory.
#
# Owns: the `home.file` option and the checks that no two enabled files have the same target
# (an assertion naming both definitions) and that every target is inside HOME, and the file list of the generation spec
# (`home.fileSpec`: target, text or source, storeName, executable, recursive, force,
# ignorelinks, onChange, as src/store/generation.h reads it).
{ config, lib, pkgs, ... }:

let
  cfg = config.home.file;
  homeDirectory = config.home.homeDirectory;

  fileType = import ./file-type.nix { inherit homeDirectory lib pkgs; };

  enabled = lib.filterAttrs (_: f: f.enable) cfg;

  # target -> [ attribute names ]
  byTarget = lib.foldl' (acc: n:
    let t = enabled.${n}.target; in acc // { ${t} = (acc.${t} or [ ]) ++ [ n ]; })
    { } (builtins.attrNames enabled);
  conflicts = lib.filterAttrs (_: ns: builtins.length ns > 1) byTarget;

  # The option each file was written as (home.file.NAME, or xdg.configFile.NAME...).
  showName = n: enabled.${n}.origin;

  # Targets the generation builder refuses (outside HOME, or with a `..` component): caught
  # here so that the message names the option, not the spec file.
  outside = builtins.filter (n:
    let t = enabled.${n}.target; in
    lib.hasPrefix "/" t || builtins.elem ".." (lib.splitString "/" t))
    (builtins.attrNames enabled);
in
{
  options.home.file = lib.mkOption {
    type = fileType { opt = "home.file"; basePathDesc = "{env}`HOME`"; basePath = homeDirectory; };
    default = { };
    description = "Attribute set of files to link into the user home.";
  };

  options.home.fileSpec = lib.mkOption {
    type = lib.types.listOf lib.types.attrs;
    internal = true;
    readOnly = true;
    description = "The enabled files, as the generation spec lists them.";
  };

  config = {
    assertions = map (n: {
      assertion = false;
      message = "The target ${enabled.${n}.target} of ${showName n} is not inside the home directory: "
        + "a target must be a path under ${homeDirectory} without `..`.";
    }) outside ++ [{
      assertion = conflicts == { };
      message = ''
        Conflicting managed target files: ${lib.concatStringsSep ", " (builtins.attrNames conflicts)}

        ${lib.concatStringsSep "\n" (lib.mapAttrsToList (t: ns:
          "The target ${t} is defined by ${lib.concatStringsSep " and " (map showName ns)}.")
          conflicts)}'';
    }];

    # storeName: the store object's name as Home Manager's storeFileName makes it (from the
    # attribute's base name for a text, the source's for a source), so that the object linked
    # is the `source` the option shows.
    home.fileSpec = lib.mapAttrsToList (n: f: {
      inherit (f) target executable recursive force ignorelinks;
      onChange = if f.onChange == "" then null else f.onChange;
    } // (if f.sourceIsText then { inherit (f) text; } else { source = toString f.source; })
      // {
      storeName = lib.hm.strings.storeFileName
        (baseNameOf (if f.sourceIsText then n else toString f.source));
    })
      enabled;
  };
}
