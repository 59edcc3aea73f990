[ { __toString = s: "A"; } ]
