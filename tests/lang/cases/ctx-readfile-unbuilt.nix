# readFile below an unbuilt output
let drv = derivation { name = "d"; system = "x"; builder = "/b"; }; c = builtins.substring 0 0 "${drv}"; in
builtins.readFile "${drv}/x"
