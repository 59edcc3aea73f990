# Raw control bytes, UTF-8 and invalid UTF-8 in the environment and arguments: the .drv
# escapes only quote, backslash, newline, carriage return and tab.
let d = (import ../fixtures/drvs.nix).mk { name = "raw-bytes"; v = "	Ã©â‚¬ÿþ"; args = [ "	Ã©â‚¬ÿþ" ]; };
in { inherit (d) drvPath outPath; }
