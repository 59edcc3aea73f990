# source: nixpkgs lib/types.nix submoduleWith { specialArgs }: extra arguments for the submodule's modules
# expect: { v = "from specialArgs"; }
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.submoduleWith {
      specialArgs.greeting = "from specialArgs";
      modules = [ ({ greeting, ... }: { options.v = mkOption { type = types.str; default = greeting; }; }) ];
    }; default = { }; }; }
]).s
