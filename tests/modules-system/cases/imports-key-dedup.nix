# source: nixpkgs lib/modules.nix: modules with the same `key` attribute are included once
# expect: [ "x" ]
with import ../harness.nix;
let m = { key = "my-module"; packages = [ "x" ]; }; in
(config [ ./modules/packages.nix m { imports = [ m ]; } ]).packages
