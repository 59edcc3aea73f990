# source: nixpkgs lib/types.nix unique { message }: the message is part of the error
# expect-error: The option `pkgs' is defined multiple times while it's expected to be unique.
# expect-error: Only one package set.
with import ../harness.nix;
(config [
  { options.pkgs = mkOption { type = types.unique { message = "Only one package set."; } types.attrs; }; }
  { pkgs = { }; }
  { pkgs = { }; }
]).pkgs
