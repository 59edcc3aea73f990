# source: nixpkgs lib/options.nix showDefs: values over several lines start on a new line, at most five lines then "..."
# expect-error: A definition for option `x' is not of type `string'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix':
# expect-error: [
# expect-error: 1
# expect-error: 2
# expect-error: 3
# expect-error: 4
# expect-error: ...
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.str; }; }
  { _file = home; x = [ 1 2 3 4 5 6 ]; }
]).x
