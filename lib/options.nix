# Option declarations and the helpers that merge and show option definitions.
#
# Owns: mkOption and its shorthands (mkEnableOption, mkPackageOption), the
# literal* documentation markers, the generic merge functions used by the
# types (mergeDefaultOption, mergeOneOption, mergeUniqueOption,
# mergeEqualOption) and the texts of the errors they raise, and the way an
# option path and its definitions are printed in error messages (showOption,
# showFiles, showDefs).
#
# Written against builtins only, so that the module system does not depend on
# the rest of the library being complete; the names and messages follow
# nixpkgs' lib (release 26.11).
{ lib }:

let
  inherit (builtins)
    all attrNames concatLists concatStringsSep elemAt filter foldl' functionArgs
    genList head isAttrs isBool isFloat isFunction isInt isList isPath isString
    length map match replaceStrings split tail toJSON tryEval typeOf;

  # Attributes the depth limit does not count (nixpkgs' withRecursion).
  specialAttrs = [ "__functor" "__functionArgs" "__toString" "__pretty" ];
  elem = builtins.elem;
  take = n: l: if n >= length l then l else genList (i: elemAt l i) n;
  last = l: elemAt l (length l - 1);
  toList = x: if isList x then x else [ x ];
  lines = s: filter (x: !isList x) (split "\n" s);

  # A string that is a valid bare Nix identifier is shown as is, any other
  # string as a quoted Nix string.
  quoteString = s: replaceStrings [ "$" ] [ "\\$" ] (toJSON s);
  showIdentifier = s:
    if match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null then s else quoteString s;

  isDerivation = v: isAttrs v && (v.type or null) == "derivation";

  # The pretty printer used for definition values in error messages.  It
  # prints what nixpkgs' `generators.toPretty { }` prints (multi-line lists
  # and sets, two-space indentation), so that messages match byte for byte.
  # Values nested deeper than ten levels print as "<unevaluated>", which
  # also keeps self-referencing sets (package sets) finite.
  pretty = indent: v: prettyAt 0 indent v;
  prettyAt = depth: indent: v:
    let
      inner = "\n${indent}  ";
      outer = "\n${indent}";
      # A nested value, one level deeper.
      child = prettyAt (depth + 1) (indent + "  ");
    in
    if depth > 10 then "\"<unevaluated>\""
    else if isInt v then toString v
    else if isFloat v then toJSON v
    else if isString v then prettyString indent v
    else if v == true then "true"
    else if v == false then "false"
    else if v == null then "null"
    else if isPath v then toString v
    else if isList v then
      if v == [ ] then "[ ]"
      else "[" + inner + concatStringsSep inner (map child v) + outer + "]"
    else if isFunction v then
      let args = functionArgs v; in
      if args == { } then "<function>"
      else "<function, args: {${concatStringsSep ", "
        (map (n: if args.${n} then n + "?" else n) (attrNames args))}}>"
    else if isAttrs v then
      if v == { } then "{ }"
      else if isDerivation v then "<derivation ${v.name or "???"}>"
      else "{" + inner
        + concatStringsSep inner (map (n:
            "${showIdentifier n} = ${if elem n specialAttrs then prettyAt depth (indent + "  ") v.${n} else child v.${n}};")
            (attrNames v))
        + outer + "}"
    else "<${typeOf v}>";

  prettyString = indent: s:
    let
      ls = lines s;
      single = "\"" + concatStringsSep "\\n"
        (map (replaceStrings [ "\\" "\"" "\${" ] [ "\\\\" "\\\"" "\\\${" ]) ls) + "\"";
      esc = map (replaceStrings [ "\${" "''" ] [ "''\${" "'''" ]) ls;
      inner = "\n${indent}  ";
      lastLine = last esc;
      multi = "''" + inner + concatStringsSep inner (take (length esc - 1) esc)
        + (if lastLine == "" then "\n${indent}" else inner + lastLine) + "''";
    in
    if length ls > 1 then multi else single;

  prioritySuggestion = ''
    Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.
  '';
in
rec {
  isOption = v: isAttrs v && (v._type or "") == "option";

  # An option declaration: the attributes given plus the marker the module
  # system recognises.  Only the documented attributes are accepted.
  mkOption =
    { default ? null, defaultText ? null, example ? null, description ? null
    , relatedPackages ? null, type ? null, apply ? null, internal ? null
    , visible ? null, readOnly ? null }@attrs:
    attrs // { _type = "option"; };

  mkEnableOption = name: mkOption {
    default = false;
    example = true;
    description = "Whether to enable ${name}.";
    type = lib.types.bool;
  };

  mkPackageOption = pkgs: name:
    { nullable ? false, default ? name, example ? null, extraDescription ? ""
    , pkgsText ? "pkgs" }:
    let
      shownName = if isList name then last name else name;
      path = toList default;
      pathText = concatStringsSep "." (map showIdentifier path);
      lookup = foldl' (acc: n:
        if acc.found && isAttrs acc.value && acc.value ? ${n}
        then { found = true; value = acc.value.${n}; }
        else { found = false; value = null; }) { found = true; value = pkgs; } path;
      defaults =
        if default != null then {
          default = if lookup.found then lookup.value
            else throw "${pathText} cannot be found in ${pkgsText}";
          defaultText = literalExpression "${pkgsText}.${pathText}";
        }
        else if nullable then { default = null; }
        else { };
    in
    mkOption (defaults // {
      description = "The ${shownName} package to use."
        + (if extraDescription == "" then "" else " ") + extraDescription;
      type = if nullable then lib.types.nullOr lib.types.package else lib.types.package;
    } // (if example != null then {
      example = literalExpression (if isList example
        then "${pkgsText}.${concatStringsSep "." (map showIdentifier example)}"
        else example);
    } else { }));

  # Kept for configurations written against older releases: descriptions are
  # Markdown now, so these only return their input.
  mkPackageOptionMD = mkPackageOption;
  mdDoc = s: s;

  # Accepts any definition and yields no value.
  mkSinkUndeclaredOptions = attrs: mkOption ({
    internal = true;
    visible = false;
    default = false;
    description = "Sink for option definitions.";
    type = lib.types.mkOptionType {
      name = "sink";
      check = x: true;
      merge = loc: defs: false;
    };
    apply = x: throw "Option value is not readable because the option is not declared.";
  } // attrs);

  mergeDefaultOption = loc: defs:
    let values = getValues defs; in
    if length values == 1 then head values
    else if all isFunction values then x: mergeDefaultOption loc (map (f: f x) values)
    else if all isList values then concatLists values
    else if all isAttrs values then foldl' (a: b: a // b) { } values
    else if all isBool values then foldl' (a: b: a || b) false values
    else if all isString values then concatStringsSep "" values
    else if all isInt values && all (x: x == head values) values then head values
    else throw "Cannot merge definitions of `${showOption loc}'. Definition values:${showDefs defs}";

  mergeOneOption = mergeUniqueOption { message = ""; };

  mergeUniqueOption = { message, merge ? loc: defs: (head defs).value }:
    loc: defs:
    if length defs == 1 then merge loc defs
    else throw "The option `${showOption loc}' is defined multiple times while it's expected to be unique.\n${message}\nDefinition values:${showDefs defs}\n${prioritySuggestion}";

  mergeEqualOption = loc: defs:
    if defs == [ ] then abort "This case should never happen."
    # A single definition is returned as is: functions never compare equal.
    else if length defs == 1 then (head defs).value
    else (foldl' (first: def:
      if def.value != first.value
      then throw "The option `${showOption loc}' has conflicting definition values:${showDefs [ first def ]}\n${prioritySuggestion}"
      else first) (head defs) (tail defs)).value;

  getValues = map (d: d.value);
  getFiles = map (d: d.file);

  literalExpression = text:
    if !isString text then throw "literalExpression expects a string."
    else { _type = "literalExpression"; inherit text; };
  literalExample = literalExpression;
  literalMD = text:
    if !isString text then throw "literalMD expects a string."
    else { _type = "literalMD"; inherit text; };
  literalCode = languageTag: text: literalMD ''
    ```${languageTag}
    ${text}
    ```
  '';

  showOption = parts:
    let
      part = p: if p == "*" || match "<(.*)>" p != null then p else showIdentifier p;
    in
    concatStringsSep "." (map part parts);

  showFiles = files: concatStringsSep " and " (map (f: "`${f}'") files);

  # Each definition on its own line with the file it came from, and its value
  # when the value can be printed (at most five lines of it).
  showDefs = defs: concatStringsSep "" (map (def:
    let
      printed = tryEval (pretty "" def.value);
      ls = lines printed.value;
      shown = concatStringsSep "\n    " (take 5 ls ++ (if length ls > 5 then [ "..." ] else [ ]));
      suffix =
        if !printed.success then ""
        else if length ls > 1 then ":\n    " + shown
        else ": " + shown;
    in
    "\n- In `${def.file}'${suffix}") defs);

  showOptionWithDefLocs = opt: ''
    ${showOption opt.loc}, with values defined in:
    ${concatStringsSep "\n" (map (f: "  - ${f}") opt.files)}
  '';

  unknownModule = "<unknown-file>";

  # Removes derivations' attributes except their names (older documentation
  # generators relied on it).
  scrubOptionValue = x:
    if isDerivation x then { type = "derivation"; drvPath = x.name; outPath = x.name; name = x.name; }
    else if isList x then map scrubOptionValue x
    else if isAttrs x then builtins.mapAttrs (n: v: scrubOptionValue v) (removeAttrs x [ "_args" ])
    else x;

  renderOptionValue = v:
    if v ? _type && v ? text then v
    else literalExpression (pretty "" v);

  # The flat list of documented options (name, description, type, ...) of an
  # option tree, sub-options of submodules included.
  optionAttrSetToDocList = optionAttrSetToDocList' [ ];
  optionAttrSetToDocList' = _: options:
    concatLists (map (name:
      let opt = options.${name}; in
      if isOption opt then
        let
          visible = opt.visible or true;
          subOptions = opt.type.getSubOptions opt.loc;
          subVisible = if isBool visible then visible else visible == "transparent";
          doc = {
            name = showOption opt.loc;
            inherit (opt) loc;
            description = opt.description or null;
            declarations = filter (x: x != unknownModule) opt.declarations;
            internal = opt.internal or false;
            visible = if isBool visible then visible else visible == "shallow";
            readOnly = opt.readOnly or false;
            type = opt.type.description or "unspecified";
          }
          // (if opt ? example then { example = renderOptionValue opt.example; } else { })
          // (if opt ? defaultText || opt ? default
              then { default = renderOptionValue (opt.defaultText or opt.default); } else { })
          // (if opt.relatedPackages or null != null then { inherit (opt) relatedPackages; } else { });
        in
        [ doc ] ++ (if subVisible && subOptions != { } then optionAttrSetToDocList' [ ] subOptions else [ ])
      else if isAttrs opt then optionAttrSetToDocList' [ ] opt
      else [ ]) (attrNames options));

  # Exposed for the types and the module system: the value printer of
  # showDefs.
  prettyValue = pretty "";
}
