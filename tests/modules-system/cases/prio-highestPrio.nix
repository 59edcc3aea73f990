# source: nixpkgs lib/modules.nix evalOptionValue: options expose highestPrio of the definitions that won
# expect: { defaulted = 1500; forced = 50; plain = 100; }
with import ../harness.nix;
let o = (eval [
  { options.plain = mkOption { type = types.int; default = 0; };
    options.forced = mkOption { type = types.int; default = 0; };
    options.defaulted = mkOption { type = types.int; default = 0; }; }
  { plain = 1; forced = mkForce 2; }
]).options; in
{ plain = o.plain.highestPrio; forced = o.forced.highestPrio; defaulted = o.defaulted.highestPrio; }
