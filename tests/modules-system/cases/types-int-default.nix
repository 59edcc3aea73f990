# source: NixOS manual, Option Declarations: "default: The default value used if no value is defined by any module."
# expect: 5
with import ../harness.nix;
(config [ { options.x = mkOption { type = types.int; default = 5; }; } ]).x
