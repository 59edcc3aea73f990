{ a = { outPath = "/out"; x = 1; }; }
