# lib.cli: render attribute sets as command-line arguments.
#
# toCommandLine is the general form: a per-option spec says how the option is
# spelled, how its argument is attached, how booleans and lists are shown.
# toCommandLineGNU is its GNU-style preset; toGNUCommandLine(Shell) are the
# older interface, deprecated by nixpkgs (with a warning) but still used.
{ lib }:
let
  inherit (builtins) isBool isList isString concatLists concatMap stringLength attrNames concatStringsSep;
  inherit (lib.attrsets) mapAttrsToList;
  inherit (lib.strings) escapeShellArgs;
  valueString = lib.generators.mkValueStringDefault { };
  deprecated = lib.trivial.warnIf (lib.trivial.oldestSupportedReleaseIsAtLeast 2511);
in
rec {
  toGNUCommandLineShell =
    deprecated "lib.cli.toGNUCommandLineShell is deprecated, please use lib.cli.toCommandLineShell or lib.cli.toCommandLineShellGNU instead."
      (options: attrs: escapeShellArgs (toGNUCommandLine options attrs));

  toGNUCommandLine =
    deprecated "lib.cli.toGNUCommandLine is deprecated, please use lib.cli.toCommandLine or lib.cli.toCommandLineShellGNU instead."
      (
        { mkOptionName ? k: if stringLength k == 1 then "-${k}" else "--${k}"
        , mkBool ? k: v: lib.lists.optional v (mkOptionName k)
        , mkList ? k: concatMap (mkOption k)
        , mkOption ? k: v:
            if v == null then [ ]
            else if optionValueSeparator == null then [ (mkOptionName k) (valueString v) ]
            else [ "${mkOptionName k}${optionValueSeparator}${valueString v}" ]
        , optionValueSeparator ? null
        }:
        let
          render = k: v:
            if isBool v then mkBool k v
            else if isList v then mkList k v
            else mkOption k v;
        in
        options: concatLists (mapAttrsToList render options)
      );

  toCommandLineShellGNU = options: attrs: escapeShellArgs (toCommandLineGNU options attrs);

  # Long options (more than one character) as --name=value, short ones as
  # -nvalue; lists repeat the option unless listRepr says otherwise.
  toCommandLineGNU =
    { isLong ? name: stringLength name > 1
    , explicitBool ? false
    , formatArg ? valueString
    , listRepr ? _: "repeat"
    , formatList ? list: concatStringsSep "," (map formatArg list)
    , splitList ? _: list: [ list ]
    }:
    toCommandLine (name: {
      option = if isLong name then "--${name}" else "-${name}";
      sep = if isLong name then "=" else "";
      formatArg = value: if listRepr name == "join" && isList value then formatList value else formatArg value;
      listRepr = listRepr name;
      splitList = splitList name;
      inherit explicitBool;
    });

  toCommandLineShell = optionFormat: attrs: escapeShellArgs (toCommandLine optionFormat attrs);

  toCommandLine = optionFormat:
    let
      specFor = name:
        let given = optionFormat name;
        in { formatArg = valueString; listRepr = "repeat"; splitList = list: [ list ]; } // given;

      # The values one option stands for, after applying its list representation.
      values = spec: value:
        if !isList value then [ value ]
        else
          let
            byRepr = {
              repeat = value;
              join = [ value ];
              spread = spec.splitList value;
            };
          in
          byRepr.${spec.listRepr}
            or (throw "lib.cli.toCommandline requires that listRepr is one of: ${concatStringsSep ", " (attrNames byRepr)}");

      render = spec: value:
        if value == null || (!spec.explicitBool && value == false) then [ ]
        else if !spec.explicitBool && value == true then [ spec.option ]
        else if isList value && spec.listRepr == "spread" then [ spec.option ] ++ map spec.formatArg value
        else
          let arg = spec.formatArg value;
          in if spec.sep != null then [ "${spec.option}${spec.sep}${arg}" ] else [ spec.option arg ];

      option = name: value:
        lib.trivial.throwIf (name == "") "lib.cli.toCommandLine only accepts non-empty option names."
          (let spec = specFor name; in concatMap (render spec) (values spec value));
    in
    attrs: concatLists (mapAttrsToList option attrs);
}
