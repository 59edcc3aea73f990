{ outPath = { outPath = "/deep"; }; }
