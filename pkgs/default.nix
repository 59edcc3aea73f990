# A minimal `pkgs` for hearth's modules: what Home Manager's core modules and simple
# configurations use, built only from builtins (no builder runs).
#
# Owns: `lib`, the text writers (writeText, writeTextFile, writeShellScript, writeScript,
# writeTextDir as store files via builtins.toFile), `stdenv.hostPlatform` (isLinux,
# isDarwin, system) and `formats` (json, ini, keyValue, toml-free subset) as Home Manager's
# modules call them. A later issue replaces this with a real package set.
{ lib ? import ../lib, system ? builtins.currentSystem }:

let
  inherit (lib) types;

  # Store names may not start with a dot or hold most punctuation.
  safeName = name: builtins.replaceStrings [ "/" " " ] [ "-" "-" ] name;

  # JSON as `jq .` prints it (nixpkgs' formats.json pipes builtins.toJSON through jq): two
  # spaces per level, `"key": value`, one element per line, empty containers as {} and [].
  prettyJSON = v:
    let
      go = ind: v:
        let ind' = ind + "  "; in
        if builtins.isAttrs v && !(v ? outPath) then
          if v == { } then "{}"
          else "{\n" + lib.concatMapStringsSep ",\n"
            (n: ind' + builtins.toJSON n + ": " + go ind' v.${n}) (builtins.attrNames v)
            + "\n" + ind + "}"
        else if builtins.isList v then
          if v == [ ] then "[]"
          else "[\n" + lib.concatMapStringsSep ",\n" (x: ind' + go ind' x) v + "\n" + ind + "]"
        else builtins.toJSON v;
    in
    go "" v + "\n";

  isLinux = lib.hasSuffix "-linux" system;
  isDarwin = lib.hasSuffix "-darwin" system;

  # A text file in the store. `destination` and `executable` are kept so that the generation
  # builder can place the file; the value coerces to its store path like a derivation does.
  writeTextFile = { name, text, executable ? false, destination ? "", checkPhase ? "", meta ? { }, ... }:
    let path = builtins.toFile (safeName name) text; in
    {
      type = "derivation";
      inherit name text executable destination meta;
      outPath = path;
    };
in
rec {
  inherit lib system;

  stdenv = {
    hostPlatform = { inherit isLinux isDarwin system; };
    buildPlatform = stdenv.hostPlatform;
    inherit isLinux isDarwin system;
  };

  inherit writeTextFile;
  writeText = name: text: writeTextFile { inherit name text; };
  writeTextDir = path: text: writeTextFile { name = baseNameOf path; inherit text; destination = "/${path}"; };
  writeScript = name: text: writeTextFile { inherit name text; executable = true; };
  writeShellScript = name: text: writeTextFile {
    inherit name;
    executable = true;
    text = "#!/bin/sh\n" + text;
  };

  # Home Manager's modules declare settings with `(pkgs.formats.X { }).type` and write them
  # with `.generate NAME VALUE`.
  formats = {
    json = { }: {
      type = types.attrsOf types.anything;
      generate = name: value: writeText name (prettyJSON value);
    };
    ini = { listsAsDuplicateKeys ? false, ... }@args: {
      type = types.attrsOf (types.attrsOf types.anything);
      generate = name: value: writeText name (lib.generators.toINI (removeAttrs args [ ]) value);
    };
    keyValue = { ... }@args: {
      type = types.attrsOf types.anything;
      generate = name: value: writeText name (lib.generators.toKeyValue args value);
    };
  };
}
