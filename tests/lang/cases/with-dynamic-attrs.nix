with { ${"d" + "yn"} = 4; }; dyn
