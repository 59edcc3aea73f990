# hand-written: 2.8 wraps around (prints -9223372036854775808 / -2); current Nix (PR NixOS/nix#11188, fixing issue #10968) makes signed integer overflow an evaluation error. Only the message line is compared.
9223372036854775807 + 1
