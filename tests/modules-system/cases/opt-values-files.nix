# source: nixpkgs lib docs, lib.options.getValues / getFiles examples
# expect: { files = [ "file1" "file2" ]; values = [ 1 2 ]; }
with import ../harness.nix;
{ values = lib.getValues [ { value = 1; } { value = 2; } ];
  files = lib.getFiles [ { file = "file1"; } { file = "file2"; } ]; }
