# lib.generators: turn Nix values into configuration file formats (key=value,
# INI, git-config, JSON/YAML, Nix-like pretty printing, Apple plist, Lua,
# Dhall).  Outputs are byte-compatible with nixpkgs' generators, since Home
# Manager's modules write files with them.
{ lib }:
let
  inherit (builtins)
    isInt isFloat isString isBool isList isAttrs isPath length head tail
    filter attrNames concatStringsSep concatLists elem split match typeOf
    toJSON replaceStrings mapAttrs;
  inherit (lib.attrsets) mapAttrsToList isDerivation recursiveUpdate;
  inherit (lib.strings) escape hasInfix splitString concatMapStringsSep escapeNixIdentifier floatToString escapeXML;
  inherit (lib.lists) last init toList reverseList flatten optionals foldl;
  inherit (lib.trivial) isFunction functionArgs;
in
rec {
  ## Building blocks

  mkValueStringDefault = { }: v:
    let
      unsupported = what: v:
        abort "generators.mkValueStringDefault: ${what} not supported: ${toPretty { } v}";
    in
    if isInt v then toString v
    else if isDerivation v then toString v
    else if isString v then v
    else if v == true then "true"
    else if v == false then "false"
    else if v == null then "null"
    else if isList v then unsupported "lists" v
    else if isAttrs v then unsupported "attrsets" v
    else if isFunction v then unsupported "functions" v
    else if isFloat v then floatToString v
    else unsupported "this value is" (toString v);

  mkKeyValueDefault = { mkValueString ? mkValueStringDefault { } }: sep: k: v:
    "${escape [ sep ] k}${sep}${mkValueString v}";

  ## Formats

  toKeyValue = { mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false, indent ? "" }:
    let
      line = k: v: indent + mkKeyValue k v + "\n";
      lines =
        if listsAsDuplicateKeys
        then k: v: map (line k) (toList v)
        else k: v: [ (line k v) ];
    in
    attrs: concatStringsSep "" (concatLists (mapAttrsToList lines attrs));

  toINI = { mkSectionName ? (name: escape [ "[" "]" ] name), mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false }:
    attrsOfAttrs:
    let
      section = name: values:
        "[${mkSectionName name}]\n" + toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } values;
    in
    concatStringsSep "\n" (mapAttrsToList section attrsOfAttrs);

  toINIWithGlobalSection = { mkSectionName ? (name: escape [ "[" "]" ] name), mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false }:
    { globalSection, sections ? { } }:
    (if globalSection == { } then ""
     else toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } globalSection + "\n")
    + toINI { inherit mkSectionName mkKeyValue listsAsDuplicateKeys; } sections;

  # git-config: tab-indented values, quoted strings, and `a.b.c = v`
  # written as section `[a "b"]` with key `c`.
  toGitINI = attrs:
    let
      sectionName = name:
        let
          parts = splitString "." name;
          sub = concatStringsSep "." (tail parts);
        in
        if hasInfix "\"" name || tail parts == [ ] then name
        else "${head parts} \"${sub}\"";

      valueString = v:
        mkValueStringDefault { } (
          if isString v
          then "\"" + replaceStrings [ "\n" "\t" "\"" "\\" ] [ "\\n" "\\t" "\\\"" "\\\\" ] v + "\""
          else v);

      keyValue = k: v:
        concatStringsSep "\n" (map (one: "\t" + mkKeyValueDefault { mkValueString = valueString; } " = " k one) (toList v));

      # { a.b.c = 5; } becomes { "a.b".c = 5; }: everything but the last
      # name forms the section.
      flattenToSections =
        let
          walk = path: value:
            if isAttrs value && !isDerivation value then
              mapAttrsToList (name: v: walk (path ++ [ name ]) v) value
            else if length path > 1 then
              { ${concatStringsSep "." (init path)}.${last path} = value; }
            else
              { ${head path} = value; };
        in
        a: foldl recursiveUpdate { } (flatten (walk [ ] a));
    in
    toINI { mkKeyValue = keyValue; mkSectionName = sectionName; } (flattenToSections attrs);

  mkDconfKeyValue = mkKeyValueDefault { mkValueString = v: toString (lib.gvariant.mkValue v); } "=";

  toDconfINI = toINI { mkKeyValue = mkDconfKeyValue; };

  withRecursion = { depthLimit, throwOnDepthLimit ? true }:
    assert isInt depthLimit;
    let
      special = [ "__functor" "__functionArgs" "__toString" "__pretty" ];
      limit = depth:
        if depthLimit != null && depth > depthLimit then
          (if throwOnDepthLimit
           then throw "Exceeded maximum eval-depth limit of ${toString depthLimit} while trying to evaluate with `generators.withRecursion'!"
           else _: "<unevaluated>")
        else x: x;
      walk = depth: v:
        let next = x: walk (depth + 1) (limit (depth + 1) x);
        in
        if isAttrs v then mapAttrs (name: if elem name special then (x: x) else next) v
        else if isList v then map next v
        else limit (depth + 1) v;
    in
    walk 0;

  toPretty = { allowPrettyValues ? false, multiline ? true, indent ? "" }:
    let
      go = ind: v:
        let
          open = if multiline then "\n${ind}  " else " ";
          close = if multiline then "\n${ind}" else " ";
        in
        if isInt v then toString v
        # toJSON keeps a float's precision better than toString.
        else if isFloat v then toJSON v
        else if isString v then
          let
            lines = filter (x: !isList x) (split "\n" v);
            oneLine = "\"" + concatStringsSep "\\n" (map (escape [ "\\" "\"" "\${" ]) lines) + "\"";
            indented = map (replaceStrings [ "\${" "''" ] [ "''\${" "'''" ]) lines;
            lastLine = last indented;
            manyLines =
              "''" + open + concatStringsSep open (init indented)
              + (if lastLine == "" then close else open + lastLine) + "''";
          in
          if multiline && length lines > 1 then manyLines else oneLine
        else if v == true then "true"
        else if v == false then "false"
        else if v == null then "null"
        else if isPath v then toString v
        else if isList v then
          (if v == [ ] then "[ ]"
           else "[" + open + concatMapStringsSep open (go (ind + "  ")) v + close + "]")
        else if isFunction v then
          let
            args = functionArgs v;
            shown = concatStringsSep ", " (mapAttrsToList (name: hasDefault: if hasDefault then name + "?" else name) args);
          in
          if args == { } then "<function>" else "<function, args: {${shown}}>"
        else if isAttrs v then
          (if allowPrettyValues && v ? __pretty && v ? val then v.__pretty v.val
           else if v == { } then "{ }"
           else if v ? type && v.type == "derivation" then "<derivation ${v.name or "???"}>"
           else
             "{" + open
             + concatStringsSep open (mapAttrsToList (name: value:
               "${escapeNixIdentifier name} = ${builtins.addErrorContext "while evaluating an attribute `${name}`" (go (ind + "  ") value)};") v)
             + close + "}")
        else abort "generators.toPretty: should never happen (v = ${v})";
    in
    go indent;

  # Apple property lists, as launchd reads them.  `escape = true` escapes
  # XML special characters in strings and keys; without it nixpkgs warns.
  toPlist = { escape ? false }: v:
    let
      text = if escape then escapeXML else x: x;
      node = ind: x:
        if x == null then ""
        else if isBool x then ind + (if x then "<true/>" else "<false/>")
        else if isInt x then ind + "<integer>${toString x}</integer>"
        else if isString x then ind + "<string>${text x}</string>"
        else if isList x then
          concatStringsSep "\n" [
            (ind + "<array>")
            (concatMapStringsSep "\n" (node "\t${ind}") x)
            (ind + "</array>")
          ]
        else if isAttrs x then
          concatStringsSep "\n" [
            (ind + "<dict>")
            (entries ind x)
            (ind + "</dict>")
          ]
        else if isPath x then ind + "<string>${text (toString x)}</string>"
        else if isFloat x then ind + "<real>${toString x}</real>"
        else abort "generators.toPlist: should never happen (v = ${v})";
      entries = ind: x:
        concatStringsSep "\n" (flatten (mapAttrsToList (name: value:
          optionals (name != "_module" && value != null) [
            "\t${ind}<key>${text name}</key>"
            (node "\t${ind}" value)
          ]) x));
    in
    lib.trivial.warnIf (!escape && lib.trivial.oldestSupportedReleaseIsAtLeast 2505)
      "Using `lib.generators.toPlist` without `escape = true` is deprecated"
      (concatStringsSep "\n" [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<!DOCTYPE plist PUBLIC \"-//Apple Computer//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"
        "<plist version=\"1.0\">"
        (node "" v)
        "</plist>"
      ]);

  toDhall = { }@args: v:
    let items = concatStringsSep ", ";
    in
    if isAttrs v then "{ ${items (mapAttrsToList (key: value: "${key} = ${toDhall args value}") v)} }"
    else if isList v then "[ ${items (map (toDhall args) v)} ]"
    else if isInt v then "${if v < 0 then "" else "+"}${toString v}"
    else if isBool v then (if v then "True" else "False")
    else if isFunction v then abort "generators.toDhall: cannot convert a function to Dhall"
    else if v == null then abort "generators.toDhall: cannot convert a null to Dhall"
    else toJSON v;

  toLua = { multiline ? true, indent ? "", asBindings ? false }@args: v:
    let
      inner = "${indent}  ";
      open = if multiline then "\n${inner}" else " ";
      close = if multiline then "\n${indent}" else " ";
      innerArgs = args // {
        indent = if asBindings then indent else inner;
        asBindings = false;
      };
      items = concatStringsSep ",${open}";
      isInline = x: (x._type or null) == "lua-inline";
      validName = match "[[:alpha:]_][[:alnum:]_]*(\\.[[:alpha:]_][[:alnum:]_]*)*";
      badNames = filter (name: validName name == null) (attrNames v);
    in
    if asBindings then
      assert lib.asserts.assertMsg (badNames == [ ]) "Bad Lua var names: ${toPretty { } badNames}";
      concatStringsSep "" (mapAttrsToList (key: value: "${indent}${key} = ${toLua innerArgs value}\n") v)
    else if v == null then "nil"
    else if isInt v || isFloat v || isString v || isBool v then toJSON v
    else if isPath v || isDerivation v then toJSON "${v}"
    else if isList v then
      (if v == [ ] then "{}" else "{${open}${items (map (toLua innerArgs) v)}${close}}")
    else if isAttrs v then
      (if isInline v then "(${v.expr})"
       else if v == { } then "{}"
       else "{${open}${items (mapAttrsToList (key: value: "[${toJSON key}] = ${toLua innerArgs value}") v)}${close}}")
    else abort "generators.toLua: type ${typeOf v} is unsupported";

  mkLuaInline = expr: { _type = "lua-inline"; inherit expr; };
}
# Outside the rec set so that `toJSON` above stays the builtin.
// {
  toJSON = { }: builtins.toJSON;
  # YAML 1.2 is a superset of JSON.
  toYAML = { }: builtins.toJSON;
}
