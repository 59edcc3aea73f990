# source: nixpkgs lib/modules.nix checkUnmatched: with no options declared at all, the hint about `config' vs `options'
# expect-error: The option `foo' does not exist. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': 1
# expect-error: 
# expect-error: It seems as if you're trying to declare an option by placing it into `config' rather than `options'!
with import ../harness.nix;
config [ { _file = home; foo = 1; } ]
