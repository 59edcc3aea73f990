# source: NixOS manual, Option Types: types.path "A filesystem path is anything that starts with a slash when coerced to a string"
# expect: { absolute = true; relative = false; }
with import ../harness.nix;
{ absolute = types.path.check "/etc/hosts"; relative = types.path.check "etc/hosts"; }
