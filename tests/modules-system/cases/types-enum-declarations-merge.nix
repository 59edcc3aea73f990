# source: NixOS manual, Option Types: "Two enum types are merged by taking the union of their values" (declaring an option twice with enums); declarations fold in reverse module order, so the later module's values come first
# expect: { description = "one of \"c\", \"a\", \"b\""; value = "c"; }
with import ../harness.nix;
let e = eval [
  { options.x = mkOption { type = types.enum [ "a" "b" ]; }; }
  { options.x = mkOption { type = types.enum [ "c" ]; }; }
  { x = "c"; }
]; in { description = e.options.x.type.description; value = e.config.x; }
