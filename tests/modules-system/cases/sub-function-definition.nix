# source: nixpkgs lib/types.nix submodule: a definition may itself be a module function
# expect: { a = 3; }
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.submodule { options.a = mkOption { type = types.int; }; }; }; }
  { s = { lib, ... }: { a = lib.mkForce 3; }; }
  { s.a = 4; }
]).s
