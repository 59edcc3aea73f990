# __ignoreNulls drops null attributes from the environment.
let mk = (import ../fixtures/drvs.nix).mk;
in map (d: d.drvPath) [
  (mk { name = "nulls"; __ignoreNulls = true; gone = null; kept = "k"; })
  (mk { name = "nulls"; gone = null; kept = "k"; })
]
