# source: nixpkgs lib/modules.nix evalOptionValue: an evaluated option has value, isDefined, files, definitions, declarations, type
# expect: { declarations = [ "/decl.nix" ]; definitions = [ [ "b" ] [ "a" ] ]; files = [ "/two.nix" "/one.nix" ]; isDefined = true; loc = [ "l" ]; typeName = "listOf"; value = [ "b" "a" ]; }
with import ../harness.nix;
let o = (eval [
  { _file = "/decl.nix"; options.l = mkOption { type = types.listOf types.str; }; }
  { _file = "/one.nix"; l = [ "a" ]; }
  { _file = "/two.nix"; l = [ "b" ]; }
]).options.l; in
{ inherit (o) value isDefined files definitions declarations loc; typeName = o.type.name; }
