let a = 1; b = 2; s = { c = 3; d = 4; }; in { inherit a b; inherit (s) c d; }
