# source: nixpkgs lib/modules.nix: an option declared with a bare type instead of mkOption is reported with the option path
# expect-error: In module <unknown-file>: expected an option declaration at option path `foo` but got an attribute set with type option-type
with import ../harness.nix;
(config [ { options.foo = types.str; } ]).foo
