# source: nixpkgs lib/options.nix showDefs: values are printed with a depth limit (withRecursion), so a self-referencing set still gives a message
# expect-error: A definition for option `x' is not of type `signed integer'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix':
# expect-error: {
# expect-error: self = {
# expect-error: self = {
# expect-error: self = {
# expect-error: self = {
# expect-error: ...
with import ../harness.nix;
let r = { self = r; }; in
(config [
  { options.x = mkOption { type = types.int; }; }
  { _file = home; x = r; }
]).x
