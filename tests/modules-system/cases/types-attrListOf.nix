# source: nixpkgs lib/types.nix attrListOf documentation: list and set definitions are concatenated, then sorted by mkOrder priority (stable), each value merged with the element type; at equal priority the later module's entries come first (modules merge in reverse order)
# expect: { description = "attribute list of signed integer"; value = [ { first = 0; } { c = 3; } { a = 1; } { b = 2; } { z = 9; } ]; }
with import ../harness.nix;
let e = eval [
  { options.steps = mkOption { type = types.attrListOf types.int; }; }
  { steps = [ { a = 1; } { b = 2; } ]; }
  { steps = { c = 3; z = mkAfter 9; first = mkBefore 0; }; }
]; in
{ description = e.options.steps.type.description; value = e.config.steps; }
