# source: NixOS manual, Option Types: types.float "A floating point number"; types.number "Either a signed integer or a floating point number"
# expect: { a = 1.5; b = 2; c = 2.5; }
with import ../harness.nix;
config [
  { options.a = mkOption { type = types.float; };
    options.b = mkOption { type = types.number; };
    options.c = mkOption { type = types.number; }; }
  { a = 1.5; b = 2; c = 2.5; }
]
