# source: NixOS manual, Option Declarations: options are lazy; an option without value only fails when read
# expect: 1
with import ../harness.nix;
(config [
  { options.a = mkOption { type = types.int; };
    options.b = mkOption { type = types.int; }; }
  { a = 1; }
]).a
