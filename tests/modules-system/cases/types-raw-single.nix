# source: NixOS manual, Option Types: types.raw "A type which doesn't do any checking, merging or nested evaluation. It accepts a single arbitrary value"
# expect-error: The option `r' is defined multiple times while it's expected to be unique.
with import ../harness.nix;
(config [
  { options.r = mkOption { type = types.raw; }; }
  { r = 1; }
  { r = 2; }
]).r
