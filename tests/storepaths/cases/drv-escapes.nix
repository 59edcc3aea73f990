# Quotes, backslashes, newlines, tabs and carriage returns in the .drv text.
let d = (import ../fixtures/drvs.nix).mk { name = "esc"; v = "q\"b\\n\nt\tr\r$"; args = [ "a\nb" "\\" ]; };
in { inherit (d) drvPath outPath; }
