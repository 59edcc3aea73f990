# source: NixOS manual, Option Types: types.deferredModule "Whether a value is a module ... the definitions are merged as `imports`"
# expect: { a = 1; b = 2; }
with import ../harness.nix;
let
  outer = config [
    { options.common = mkOption { type = types.deferredModule; }; }
    { common = { options.a = mkOption { type = types.int; default = 1; }; }; }
    { common = { config.b = 2; options.b = mkOption { type = types.int; }; }; }
  ];
in
config [ outer.common ]
