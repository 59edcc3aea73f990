# source: nixpkgs lib/modules.nix: a submodule with no options at all gets a hint about `config' vs `options'
# expect-error: The option `s.x' does not exist. Definition values:
# expect-error: - In `/a.nix': 1
# expect-error: 
# expect-error: However there are no options defined in `s'. Are you sure you've
# expect-error: declared your options properly? This can happen if you e.g. declared your options in `types.submodule'
# expect-error: under `config' rather than `options'.
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.submodule { }; }; }
  { _file = "/a.nix"; s.x = 1; }
]).s
