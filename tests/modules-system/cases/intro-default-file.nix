# source: nixpkgs lib/modules.nix evalOptionValue: the default counts as a definition from the declaring file
# expect: { files = [ "/decl.nix" ]; isDefined = true; }
with import ../harness.nix;
let o = (eval [ { _file = "/decl.nix"; options.n = mkOption { type = types.int; default = 3; }; } ]).options.n; in
{ inherit (o) isDefined files; }
