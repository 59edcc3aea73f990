# source: NixOS manual, Freeform modules: freeformType lets undeclared definitions through, typed by the freeform type
# expect: { declared = 1; extra = "x"; nested = { y = "z"; }; }
with import ../harness.nix;
config [
  { freeformType = types.attrsOf types.anything;
    options.declared = mkOption { type = types.int; }; }
  { declared = 1; extra = "x"; nested.y = "z"; }
]
