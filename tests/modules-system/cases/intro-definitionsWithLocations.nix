# source: nixpkgs lib/modules.nix evalOptionValue: definitionsWithLocations pairs each final definition with its file
# expect: [ { file = "/user.nix"; value = 7; } ]
with import ../harness.nix;
(eval [
  { _file = "/decl.nix"; options.n = mkOption { type = types.int; default = 1; }; }
  { _file = "/user.nix"; n = 7; }
]).options.n.definitionsWithLocations
