toString { outPath = { outPath = "/deeper"; }; }
