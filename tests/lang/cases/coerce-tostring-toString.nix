toString { __toString = self: "via " + self.name; name = "n"; }
