# pkgs.formats: settings types and file generators, as Home Manager's modules call them:
# `(pkgs.formats.X { }).type` for an option's type, `.generate NAME VALUE` for the file (a
# derivation made with writeText, so it is built in hearth's store).
#
# Owns: json (jq's layout: two spaces, one element per line, as nixpkgs pipes toJSON through
# jq), yaml (written as that same JSON, which is YAML 1.2; nixpkgs writes YAML's block style
# through remarshal), ini, keyValue, toml (tables as [a.b], lists of tables as [[a]], keys
# quoted when not bare).
{ lib, writeText }:

let
  inherit (lib) types concatMapStringsSep concatStrings mapAttrsToList filterAttrs;
  inherit (builtins) isAttrs isList toJSON match;

  # JSON as `jq .` prints it.
  prettyJSON = v:
    let
      go = ind: v:
        let ind' = ind + "  "; in
        if isAttrs v && !(v ? outPath) then
          if v == { } then "{}"
          else "{\n" + concatMapStringsSep ",\n"
            (n: ind' + toJSON n + ": " + go ind' v.${n}) (builtins.attrNames v)
            + "\n" + ind + "}"
        else if isList v then
          if v == [ ] then "[]"
          else "[\n" + concatMapStringsSep ",\n" (x: ind' + go ind' x) v + "\n" + ind + "]"
        else toJSON v;
    in
    go "" v + "\n";

  isTable = v: isAttrs v && !(v ? outPath);
  isTableList = v: isList v && v != [ ] && builtins.all isTable v;
  tomlKey = k: if match "[A-Za-z0-9_-]+" k != null then k else toJSON k;
  tomlValue = v:
    if isTable v then
      "{ " + concatStringsSep ", " (mapAttrsToList (k: x: "${tomlKey k} = ${tomlValue x}") v) + " }"
    else if isList v then "[" + concatMapStringsSep ", " tomlValue v + "]"
    else if builtins.isString v || builtins.isPath v || isAttrs v then toJSON (toString v)
    else if v == null then throw "pkgs.formats.toml: null has no TOML representation"
    else toJSON v;
  concatStringsSep = builtins.concatStringsSep;
  tomlSection = header: path: attrs:
    let
      plain = filterAttrs (_: v: !(isTable v) && !(isTableList v)) attrs;
      tables = filterAttrs (_: isTable) attrs;
      lists = filterAttrs (_: isTableList) attrs;
      name = concatMapStringsSep "." tomlKey path;
    in
    (if header != null then header name + "\n"
     else if path != [ ] && (plain != { } || (tables == { } && lists == { })) then "[${name}]\n"
     else "")
    + concatStrings (mapAttrsToList (k: v: "${tomlKey k} = ${tomlValue v}\n") plain)
    + concatStrings (mapAttrsToList (k: v: "\n" + tomlSection null (path ++ [ k ]) v) tables)
    + concatStrings (mapAttrsToList
      (k: l: concatStrings (map (t: "\n" + tomlSection (n: "[[${n}]]") (path ++ [ k ]) t) l))
      lists);
  toTOML = v: let s = tomlSection null [ ] v; in lib.removePrefix "\n" s;

  anySettings = types.attrsOf types.anything;
in
{
  json = { ... }: {
    type = anySettings;
    generate = name: value: writeText name (prettyJSON value);
  };
  yaml = { ... }: {
    type = anySettings;
    generate = name: value: writeText name (prettyJSON value);
  };
  ini = { listsAsDuplicateKeys ? false, ... }@args: {
    type = types.attrsOf (types.attrsOf types.anything);
    generate = name: value: writeText name (lib.generators.toINI (removeAttrs args [ "listToValue" ]) value);
  };
  keyValue = { ... }@args: {
    type = anySettings;
    generate = name: value: writeText name (lib.generators.toKeyValue (removeAttrs args [ "listToValue" ]) value);
  };
  toml = { ... }: {
    type = anySettings;
    generate = name: value: writeText name (toTOML value);
  };
}
