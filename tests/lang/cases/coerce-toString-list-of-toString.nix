toString [ { __toString = _: "x"; } { outPath = "y"; } ]
