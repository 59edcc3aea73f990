# source: nixpkgs lib/generators.nix toPretty (used by showDefs): a multi-line string is shown as an indented ''-string, ending on its own line when it ends with a newline, with ${ escaped as ''${
# expect-error: A definition for option `n' is not of type `signed integer'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix':
# expect-error: ''
# expect-error: first ''${x}
# expect-error: second
# expect-error: ''
with import ../harness.nix;
(config [
  { options.n = mkOption { type = types.int; }; }
  { _file = home; n = "first \${x}\nsecond\n"; }
]).n
