# hand-written: builtins.warn is in Nix >= 2.23 (manual: "Evaluate e1, which must be a string and print it on standard error as a warning. Then return e2."); 2.8 lacks it. Current Nix prints `evaluation warning: MSG` on stderr.
builtins.warn "careful" 7
