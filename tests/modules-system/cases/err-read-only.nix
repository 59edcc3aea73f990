# source: NixOS manual, Option Declarations: readOnly options can only be set once
# expect-error: The option `x' is read-only, but it's set multiple times. Definition values:
# expect-error: - In `/a.nix': 1
# expect-error: - In `/b.nix': 2
with import ../harness.nix;
(config [
  { _file = "/a.nix"; options.x = mkOption { type = types.int; readOnly = true; default = 1; }; }
  { _file = "/b.nix"; x = 2; }
]).x
