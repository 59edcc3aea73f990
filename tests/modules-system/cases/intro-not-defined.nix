# source: nixpkgs lib/modules.nix: isDefined is false when nothing (not even a default) defines the option
# expect: { files = [ ]; isDefined = false; }
with import ../harness.nix;
let o = (eval [ { options.n = mkOption { type = types.int; }; } ]).options.n; in
{ inherit (o) isDefined files; }
