# source: NixOS manual, Option Types: types.numbers.between "An integer or floating point number between lowest and highest (both inclusive)"
# expect: { description = "integer or floating point number between 0 and 1.5 (both inclusive)"; inside = true; outside = false; }
with import ../harness.nix;
let t = types.numbers.between 0 1.5; in
{ description = t.description; inside = t.check 1.25; outside = t.check 2; }
