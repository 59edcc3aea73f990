# Derivations coerced to strings in lists, toString and interpolation keep their context.
let ds = import ../fixtures/drvs.nix;
    s = toString [ ds.simple ds.multi.dev "x" ];
in { inherit s; ctx = builtins.getContext s; str = "${ds.multi}"; }
