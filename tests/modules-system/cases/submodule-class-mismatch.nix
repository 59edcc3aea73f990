# source: nixpkgs lib/types.nix submoduleWith { class }: modules of another class cannot be used in the submodule
# expect-error: was imported into homeManager instead of nixos.
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.submoduleWith { class = "homeManager"; modules = [ ]; }; }; }
  { s = { _class = "nixos"; }; }
]).s
