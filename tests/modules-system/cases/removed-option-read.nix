# source: nixpkgs lib/modules.nix mkRemovedOptionModule: reading the removed option throws with the replacement instructions
# expect-error: The option `old' can no longer be used since it's been removed. Use `new' instead.
with import ../harness.nix;
(config [
  { options.assertions = mkOption { type = types.listOf types.attrs; default = [ ]; }; }
  (lib.mkRemovedOptionModule [ "old" ] "Use `new' instead.")
]).old
