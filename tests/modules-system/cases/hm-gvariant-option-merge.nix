# source: Home Manager lib.hm.types.gvariant (dconf.settings values): array definitions are concatenated
# expect: "@as ['b','a']"
with import ../harness.nix;
toString (config [
  { options.v = mkOption { type = lib.hm.types.gvariant; }; }
  { v = [ "a" ]; }
  { v = [ "b" ]; }
]).v
