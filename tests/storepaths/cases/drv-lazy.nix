# `derivation` is lazy: attributes that do not need the store paths work even when
# derivationStrict would fail (no builder or system here).
let d = derivation { name = "lazy"; };
in [ d.type d.name d.outputName (builtins.attrNames d) ]
