# source: NixOS manual, Option Types: types.oneOf [ t1 t2 ... ] "Type t1 or type t2 and so forth"
# expect: "signed integer or string or boolean"
with import ../harness.nix;
(types.oneOf [ types.int types.str types.bool ]).description
