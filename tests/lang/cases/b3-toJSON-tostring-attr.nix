builtins.toJSON { __toString = self: "x"; }
