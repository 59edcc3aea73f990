# source: nixpkgs lib/modules.nix evalModules { prefix }: option paths in errors start with the prefix
# expect-error: The option `home-manager.users.jdoe.bogus' does not exist.
with import ../harness.nix;
(lib.evalModules {
  prefix = [ "home-manager" "users" "jdoe" ];
  modules = [ { options.real = mkOption { type = types.int; default = 1; }; } { bogus = 2; } ];
}).config
