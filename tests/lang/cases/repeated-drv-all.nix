# The .all of a multi-output derivation (a list of two sets that refer to it)
(derivation { name = "d"; system = "x"; builder = "/b"; outputs = [ "out" "dev" ]; }).all
