rec { ${"n" + "ame"} = 1; x = 2; }
