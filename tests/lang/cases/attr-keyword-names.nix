{ if = 1; then = 2; else = 3; or = 4; }
