"a" + { __toString = _: "b"; }
