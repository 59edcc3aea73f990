# The type of `home.file` and of `xdg.configFile`, `xdg.dataFile`, `xdg.stateFile`,
# `xdg.cacheFile`: an attribute set of files, each a submodule with Home Manager's options.
#
# Owns: the per-file options and their meaning. `target` is relative to `basePath` unless
# absolute, and comes out relative to the home directory. A file given by `text` gets its
# `source` from the text (a store file named after the target, as Home Manager's
# storeFileName does), made only when someone reads `source`.
{ homeDirectory, lib, pkgs }:

{ opt, basePathDesc, basePath }:

let
  inherit (lib) mkOption mkDefault types;
in
types.attrsOf (types.submodule ({ name, config, options, ... }: {
  options = {
    enable = mkOption {
      type = types.bool;
      default = true;
      description = "Whether this file should be generated.";
    };

    target = mkOption {
      type = types.str;
      apply = p:
        let abs = if lib.hasPrefix "/" p then p else "${basePath}/${p}";
        in lib.removePrefix (homeDirectory + "/") abs;
      defaultText = lib.literalExpression "name";
      description = "Path to target file relative to ${basePathDesc}.";
    };

    text = mkOption {
      type = types.nullOr types.lines;
      default = null;
      description = "Text of the file. If this option is null then {option}`${opt}.<name>.source` must be set.";
    };

    source = mkOption {
      type = types.path;
      description = "Path of the source file or directory. If {option}`${opt}.<name>.text` is non-null then this option defaults to a file holding that text.";
    };

    executable = mkOption {
      type = types.nullOr types.bool;
      default = null;
      description = "Set the execute bit. If null, keep the bit of the source.";
    };

    recursive = mkOption {
      type = types.bool;
      default = false;
      description = "If the file is a directory, link each file inside it rather than the directory itself.";
    };

    onChange = mkOption {
      type = types.lines;
      default = "";
      description = "Shell commands to run when the file changes between generations.";
    };

    force = mkOption {
      type = types.bool;
      default = false;
      visible = false;
      description = "Whether the target path should be unconditionally replaced by the managed file.";
    };

    sourceIsText = mkOption {
      type = types.bool;
      internal = true;
      readOnly = true;
      description = ''
        Whether the file's content is its `text`: true unless `source` was given too (then, as
        in Home Manager, the given source is what is linked).
      '';
    };

    origin = mkOption {
      type = types.str;
      internal = true;
      description = ''
        The option this file was defined as (`xdg.configFile.foo` for a file xdg.nix passes on to
        home.file), so that a conflict names what the user wrote.
      '';
    };

    ignorelinks = mkOption {
      type = types.bool;
      default = false;
      description = "When `recursive` is set, whether symbolic links inside the source directory are linked rather than reproduced.";
    };
  };

  config = {
    target = mkDefault name;
    origin = mkDefault "${opt}.${lib.strings.escapeNixIdentifier name}";
    sourceIsText = config.text != null && options.source.highestPrio >= 1000;
    source = lib.mkIf (config.text != null) (mkDefault (builtins.toFile
      (lib.hm.strings.storeFileName (baseNameOf name)) config.text));
  };
}))
