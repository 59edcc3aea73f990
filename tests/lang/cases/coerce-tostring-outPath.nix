toString { outPath = "/the/out"; }
