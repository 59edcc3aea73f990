# Attribute sets of 100,000 names: listToAttrs, mapAttrs, `//` merging, lookups.
let
  n = 100000;
  names = builtins.genList (i: "name${toString i}") n;
  a = builtins.listToAttrs (map (k: { name = k; value = 1; }) names);
  b = builtins.mapAttrs (k: v: v + 1) a;
  c = builtins.listToAttrs (builtins.genList (i: { name = "other${toString i}"; value = i; }) n);
  merged = a // b // c;
in
builtins.length (builtins.attrNames merged)
  + builtins.foldl' (s: k: s + merged.${k}) 0 names
