toString [ { outPath = "a"; } "b" ]
