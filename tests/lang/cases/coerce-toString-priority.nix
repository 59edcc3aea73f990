toString { __toString = self: "ts"; outPath = "/op"; }
