# source: nixpkgs lib/tests/modules.sh (declaration positions): options record the file and line of their declaration
# expect: { file = "declaration-positions.nix"; line = 6; }
with import ../harness.nix;
let e = eval [
  {
    options.direct = mkOption { type = types.int; default = 1; };
  }
]; in
let pos = builtins.head e.options.direct.declarationPositions; in
{ inherit (pos) line; file = baseNameOf pos.file; }
