# source: NixOS manual, Option Types: types.package "A top-level store path. This can be an attribute set pointing to a store path, like a derivation or a flake input."
# expect: { drv = true; str = false; }
with import ../harness.nix;
{ drv = types.package.check { type = "derivation"; name = "hello"; outPath = "/nix/store/x"; };
  str = types.package.check "hello"; }
