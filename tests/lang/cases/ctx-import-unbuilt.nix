# importing an unbuilt output (by string and by the derivation)
let drv = derivation { name = "d"; system = "x"; builder = "/b"; }; c = builtins.substring 0 0 "${drv}"; in
[ (import drv) (import "${drv}") ]
