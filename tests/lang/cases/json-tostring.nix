{ a = { __toString = self: "str"; }; }
