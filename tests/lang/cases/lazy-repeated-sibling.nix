let a = { v = 1; }; in { x = a; y = { z = a; }; }
