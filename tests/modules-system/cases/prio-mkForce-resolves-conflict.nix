# source: nixpkgs lib/options.nix prioritySuggestion: "Use `lib.mkForce value` ... to change the priority"
# expect: 3
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; }; }
  { x = 1; }
  { x = 2; }
  { x = mkForce 3; }
]).x
