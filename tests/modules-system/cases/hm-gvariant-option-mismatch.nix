# source: Home Manager lib.hm.types.gvariant: definitions of different GVariant types cannot be merged
# expect-error: Cannot merge definitions of `v' with mismatched GVariant types given in `/b.nix' and `/a.nix'.
with import ../harness.nix;
toString (config [
  { options.v = mkOption { type = lib.hm.types.gvariant; }; }
  { _file = "/a.nix"; v = "a"; }
  { _file = "/b.nix"; v = 1; }
]).v
