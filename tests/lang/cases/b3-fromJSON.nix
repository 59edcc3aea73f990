builtins.fromJSON ''{"a": [1, 2.5, "s", null, true, false], "b": {"c": {}}, "d": []}''
