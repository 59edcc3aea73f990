# Names of nixpkgs' lib top level that come from builtins or from lib.systems, and one that
# is gone. Expected values from nixpkgs lib (26.11): lib/default.nix re-exports builtins
# (typeOf, unsafeGetAttrPos are used as lib.typeOf / lib.unsafeGetAttrPos by nixpkgs'
# modules and maintainer scripts), the Nix manual for those builtins, nixpkgs' lib.systems
# (elaborate, inspect.nix predicates), and the 24.11 release notes for mdDoc (cited per case).
{ lib }:
let
  t = name: expr: expected: { inherit name expr expected; };
  pos = lib.unsafeGetAttrPos "b" {
    a = 1;
      b = 2;
  };
  linux = lib.systems.elaborate "x86_64-linux";
  darwin = lib.systems.elaborate { system = "aarch64-darwin"; };
in
[
  # Nix manual builtins.typeOf: "int", "bool", "string", "path", "null", "set", "list",
  # "lambda" or "float"
  (t "typeOf-int" (lib.typeOf 1) "int")
  (t "typeOf-all" (map lib.typeOf [ true "s" ./. null { } [ ] (x: x) 1.5 ])
    [ "bool" "string" "path" "null" "set" "list" "lambda" "float" ])
  (t "typeOf-as-builtin" (lib.typeOf lib.id) (builtins.typeOf lib.id))
  # Nix manual builtins.unsafeGetAttrPos: { file, line, column } of the attribute's
  # definition, or null when the set has no such attribute
  (t "unsafeGetAttrPos-line" pos.line 11)
  (t "unsafeGetAttrPos-column" pos.column 7)
  (t "unsafeGetAttrPos-file" (baseNameOf pos.file) "toplevel.nix")
  (t "unsafeGetAttrPos-missing" (lib.unsafeGetAttrPos "c" { a = 1; }) null)
  # nixpkgs 24.11 release notes: lib.mdDoc was removed (option descriptions are Markdown);
  # using it is "attribute 'mdDoc' missing"
  (t "mdDoc-removed" (lib ? mdDoc) false)
  # nixpkgs lib.systems.elaborate "x86_64-linux": system kept, inspect.nix predicates
  (t "elaborate-system" linux.system "x86_64-linux")
  (t "elaborate-linux" [ linux.isLinux linux.isDarwin linux.isUnix linux.isx86_64 linux.isx86 linux.isAarch64 linux.is64bit ]
    [ true false true true true false true ])
  (t "elaborate-parsed" [ linux.parsed.cpu.name linux.parsed.kernel.name ] [ "x86_64" "linux" ])
  # elaborate also takes an attribute set with `system`, keeping its other attributes
  (t "elaborate-darwin" [ darwin.system darwin.isDarwin darwin.isLinux darwin.isAarch64 darwin.isx86 ]
    [ "aarch64-darwin" true false true false ])
  (t "elaborate-keeps" (lib.systems.elaborate { system = "i686-linux"; extra = 1; }).extra 1)
  (t "elaborate-32bit" (lib.systems.elaborate "i686-linux").is32bit true)
  (t "elaborate-armv7" (lib.systems.elaborate "armv7l-linux").isAarch32 true)
  # lib.platforms is lib.systems.doubles (nixpkgs lib/default.nix: platforms = systems.doubles)
  (t "doubles-are-platforms" (lib.systems.doubles.linux == lib.platforms.linux) true)
]
