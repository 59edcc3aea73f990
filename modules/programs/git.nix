# programs.git: Git, configured as Home Manager configures it.
#
# Owns: `programs.git.{enable, package, settings, signing.*, hooks, ignores, attributes,
# includes, lfs.*}` and the renamed options of older Home Manager releases (`userName`,
# `userEmail`, `aliases`, `extraConfig` -> `settings`; `signing.gpgPath` -> `signing.signer`),
# which still work and warn. Writes:
#
#   $XDG_CONFIG_HOME/git/config      lib.generators.toGitINI of the settings (and what the
#                                    other options add), then the include sections
#   $XDG_CONFIG_HOME/git/ignore      `ignores`, one per line (when there are any)
#   $XDG_CONFIG_HOME/git/attributes  `attributes`, one per line (when there are any)
#
# and puts `package` (and `lfs.package`) into home.packages. With hearth's own pkgs a package
# the machine does not have is a host package that fails, naming itself, only when a
# generation that uses it is built.
#
# Not here (yet): `settings` as a list of ordered fragments, `maintenance.*`, and the diff
# tools Home Manager moved to their own modules (delta, difftastic, ...).
{ config, lib, pkgs, ... }:

let
  inherit (lib) mkOption mkEnableOption mkIf mkMerge mkDefault types literalExpression;

  cfg = config.programs.git;

  # pkgs.NAME, or, with hearth's pkgs on a machine without it, the host package of that name
  # (whose build then says that it is not installed).
  pkgOr = name:
    if pkgs ? ${name} then pkgs.${name}
    else if pkgs ? hostPackage then pkgs.hostPackage name
    else throw "${name} cannot be found in pkgs";

  # A Home Manager package option whose default is `pkgOr NAME`.
  packageOption = name: args:
    lib.mkPackageOption pkgs name args // { default = pkgOr name; };

  # What git-config(1) values Home Manager accepts: strings, booleans, integers, or lists of
  # them for keys given several times; sections hold them directly or in subsections.
  gitIniType =
    let
      scalar = types.either types.str (types.either types.bool types.int);
      value = types.either scalar (types.listOf scalar);
    in
    types.attrsOf (types.attrsOf (types.either value (types.attrsOf value)));

  includeType = types.submodule ({ config, ... }: {
    options = {
      condition = mkOption {
        type = types.nullOr types.str;
        default = null;
        description = ''
          Include this configuration only when {var}`condition`
          matches. Allowed conditions are described in
          {manpage}`git-config(1)`.
        '';
      };

      path = mkOption {
        type = types.either types.str types.path;
        description = "Path of the configuration file to include.";
      };

      contents = mkOption {
        type = types.attrsOf types.anything;
        default = { };
        example = literalExpression ''
          {
            user = {
              email = "bob@work.example.com";
              name = "Bob Work";
            };
            commit.gpgSign = true;
          }
        '';
        description = ''
          Configuration to include. If empty then a path must be given.

          This follows the configuration structure as described in
          {manpage}`git-config(1)`.
        '';
      };

      contentSuffix = mkOption {
        type = types.str;
        default = "gitconfig";
        description = ''
          Nix store name for the git configuration text file,
          when generating the configuration text from nix options.
        '';
      };
    };

    # Contents become a store file of their own, which the include names.
    config.path = mkIf (config.contents != { }) (mkDefault
      (pkgs.writeText (lib.hm.strings.storeFileName config.contentSuffix)
        (lib.generators.toGitINI config.contents)));
  });

  # The section that includes one entry: [include] or [includeIf "CONDITION"]. A path
  # value is interpolated, so its file is copied to the store, as Home Manager does.
  includeSection = i:
    if i.condition == null then { include.path = "${i.path}"; }
    else { includeIf.${i.condition}.path = "${i.path}"; };

  # The program each signing format signs with, unless `signing.signer` says otherwise.
  defaultSigner = {
    openpgp = lib.getExe' (pkgOr "gnupg") "gpg";
    ssh = lib.getExe' (pkgOr "openssh") "ssh-keygen";
    x509 = lib.getExe' (pkgOr "gnupg") "gpgsm";
  };

  # Without a package (lfs.package = null), the git-lfs found on PATH when git runs.
  lfsCommand = if cfg.lfs.package == null then "git-lfs" else lib.getExe' cfg.lfs.package "git-lfs";
  skipArgs = lib.optional cfg.lfs.skipSmudge "--skip";
in
{
  imports =
    let rename = from: to: lib.mkRenamedOptionModule ([ "programs" "git" ] ++ from) ([ "programs" "git" ] ++ to);
    in [
      (rename [ "userName" ] [ "settings" "user" "name" ])
      (rename [ "userEmail" ] [ "settings" "user" "email" ])
      (rename [ "aliases" ] [ "settings" "alias" ])
      (rename [ "extraConfig" ] [ "settings" ])
      (rename [ "signing" "gpgPath" ] [ "signing" "signer" ])
    ];

  options.programs.git = {
    enable = mkEnableOption "Git";

    package = packageOption "git" {
      nullable = true;
      example = "pkgs.gitFull";
      extraDescription = ''
        Use {var}`pkgs.gitFull`
        to gain access to {command}`git send-email` for instance.
      '';
    };

    settings = mkOption {
      type = gitIniType;
      default = { };
      example = literalExpression ''
        {
          user.name = "Jane Doe";
          user.email = "jane@example.org";
          core.whitespace = "trailing-space,space-before-tab";
          url."ssh://git@host".insteadOf = "otherhost";
        }
      '';
      description = ''
        Configuration written to {file}`$XDG_CONFIG_HOME/git/config`.
        See {manpage}`git-config(1)` for details.
      '';
    };

    iniContent = mkOption {
      type = gitIniType;
      internal = true;
      description = "What {file}`$XDG_CONFIG_HOME/git/config` holds before its includes.";
    };

    signing = {
      key = mkOption {
        type = types.nullOr types.str;
        default = null;
        description = ''
          The default signing key fingerprint.

          Set to `null` to let the signer decide what signing key
          to use depending on commit’s author.
        '';
      };

      format = mkOption {
        type = types.nullOr (types.enum [ "openpgp" "ssh" "x509" ]);
        default = if lib.versionAtLeast config.home.stateVersion "25.05" then null else "openpgp";
        defaultText = literalExpression
          ''if lib.versionAtLeast config.home.stateVersion "25.05" then null else "openpgp"'';
        description = ''
          The signing method to use when signing commits and tags.
          Valid values are `openpgp` (OpenPGP/GnuPG), `ssh` (SSH), and `x509` (X.509 certificates).
        '';
      };

      signByDefault = mkOption {
        type = types.nullOr types.bool;
        default = null;
        description = "Whether commits and tags should be signed by default.";
      };

      # No declared default: with a format, the format's program is an option default
      # (so that any definition, even a mkDefault one, wins over it), as in Home Manager.
      signer = mkOption {
        type = types.nullOr types.str;
        defaultText = lib.literalMD ''
          with a format, its program: `gpg` (openpgp) or `gpgsm` (x509) of `pkgs.gnupg`,
          `ssh-keygen` of `pkgs.openssh` (ssh); without a format, not defined
        '';
        description = "Path to signer binary to use.";
      };
    };

    hooks = mkOption {
      type = types.attrsOf types.path;
      default = { };
      example = literalExpression ''
        {
          pre-commit = ./pre-commit-script;
        }
      '';
      description = ''
        Configuration helper for Git hooks.
        See <https://git-scm.com/docs/githooks>
        for reference.
      '';
    };

    ignores = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "*~" "*.swp" ];
      description = "List of paths that should be globally ignored.";
    };

    attributes = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "*.pdf diff=pdf" ];
      description = "List of defining attributes set globally.";
    };

    includes = mkOption {
      type = types.listOf includeType;
      default = [ ];
      example = literalExpression ''
        [
          { path = "~/path/to/config.inc"; }
          {
            path = "~/path/to/conditional.inc";
            condition = "gitdir:~/src/dir";
          }
        ]
      '';
      description = "List of configuration files to include.";
    };

    lfs = {
      enable = mkEnableOption "Git Large File Storage";

      package = packageOption "git-lfs" { nullable = true; };

      skipSmudge = mkOption {
        type = types.bool;
        default = false;
        description = ''
          Skip automatic downloading of objects on clone or pull.
          This requires a manual {command}`git lfs pull`
          every time a new commit is checked out on your repository.
        '';
      };
    };
  };

  config = mkIf cfg.enable (mkMerge [
    {
      home.packages = lib.optional (cfg.package != null) cfg.package;

      programs.git.iniContent = cfg.settings;

      xdg.configFile = {
        "git/config".text = lib.generators.toGitINI cfg.iniContent;
        "git/ignore" = mkIf (cfg.ignores != [ ]) { text = lib.concatLines cfg.ignores; };
        "git/attributes" = mkIf (cfg.attributes != [ ]) { text = lib.concatLines cfg.attributes; };
      };
    }

    # Signing: the key and the default go to [user] and [commit]/[tag]; a format names
    # its program in [gpg "FORMAT"]. Each may be overridden in `settings`.
    {
      programs.git.signing.signer = mkIf (cfg.signing.format != null)
        (lib.mkOptionDefault defaultSigner.${cfg.signing.format});

      programs.git.iniContent = mkMerge [
        (mkIf (cfg.signing.key != null) { user.signingKey = mkDefault cfg.signing.key; })
        (mkIf (cfg.signing.signByDefault != null) {
          commit.gpgSign = mkDefault cfg.signing.signByDefault;
          tag.gpgSign = mkDefault cfg.signing.signByDefault;
        })
        (mkIf (cfg.signing.format != null) {
          gpg.format = mkDefault cfg.signing.format;
          gpg.${cfg.signing.format}.program = mkDefault cfg.signing.signer;
        })
      ];
    }

    (mkIf (cfg.hooks != { }) {
      programs.git.iniContent.core.hooksPath = toString (pkgs.linkFarm "git-hooks"
        (lib.mapAttrsToList (name: path: { inherit name path; }) cfg.hooks));
    })

    # Includes come after everything else in the file, each as its own section.
    (mkIf (cfg.includes != [ ]) {
      xdg.configFile."git/config".text = lib.mkAfter
        (lib.concatMapStringsSep "\n" (i: lib.generators.toGitINI (includeSection i)) cfg.includes);
    })

    (mkIf cfg.lfs.enable {
      home.packages = lib.optional (cfg.lfs.package != null) cfg.lfs.package;

      programs.git.iniContent.filter.lfs = {
        clean = "${lfsCommand} clean -- %f";
        process = lib.concatStringsSep " " ([ lfsCommand "filter-process" ] ++ skipArgs);
        required = true;
        smudge = lib.concatStringsSep " " ([ lfsCommand "smudge" ] ++ skipArgs ++ [ "--" "%f" ]);
      };
    })
  ]);
}
