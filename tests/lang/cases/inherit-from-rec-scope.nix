rec { x = { y = 1; }; inherit (x) y; }
