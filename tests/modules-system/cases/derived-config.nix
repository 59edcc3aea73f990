# source: nixpkgs lib/modules.nix mkDerivedConfig: a definition computed from another option, at that option's priority
# expect: { derived = "x-derived"; userWins = "user"; }
with import ../harness.nix;
let c = config [
  { options.base = mkOption { type = types.str; default = "x"; };
    options.derived = mkOption { type = types.str; };
    options.userWins = mkOption { type = types.str; }; }
  ({ options, ... }: {
    derived = lib.mkDerivedConfig options.base (v: "${v}-derived");
    userWins = lib.mkDerivedConfig options.base (v: "${v}-derived");
  })
  { userWins = "user"; }
]; in { inherit (c) derived userWins; }
