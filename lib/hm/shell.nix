# Shell snippets of Home Manager's `lib.hm.shell`: exporting variables and
# prepending to search-path variables in Bourne shell syntax, and the
# per-shell integration options modules declare.
#
# Owns: export, exportAll (one `export NAME="value"` per variable, in name
# order, joined by newlines), prependToVar, and mk*IntegrationOption.
{ lib }:

let
  inherit (builtins) attrNames concatStringsSep map;
in
rec {
  # prependToVar ":" "PATH" [ "a" "b" ]  gives  a:b${PATH:+:}$PATH
  prependToVar = sep: n: v: "${concatStringsSep sep v}\${${n}:+${sep}}\$${n}";

  export = n: v: ''export ${n}="${toString v}"'';

  exportAll = vars: concatStringsSep "\n" (map (n: export n vars.${n}) (attrNames vars));

  # An option `enable<Shell>Integration` whose default follows the user's
  # `home.shell.enable<Shell>Integration`.
  mkShellIntegrationOption = name:
    { config, baseName ? name, extraDescription ? "" }:
    let attrName = "enable${baseName}Integration"; in
    lib.options.mkOption {
      default = config.home.shell.${attrName};
      defaultText = lib.options.literalMD "[](#opt-home.shell.${attrName})";
      example = false;
      description = "Whether to enable ${name} integration."
        + (if extraDescription == "" then "" else "\n\n" + extraDescription);
      type = lib.types.bool;
    };
  mkBashIntegrationOption = mkShellIntegrationOption "Bash";
  mkFishIntegrationOption = mkShellIntegrationOption "Fish";
  mkIonIntegrationOption = mkShellIntegrationOption "Ion";
  mkNushellIntegrationOption = mkShellIntegrationOption "Nushell";
  mkZshIntegrationOption = mkShellIntegrationOption "Zsh";
}
