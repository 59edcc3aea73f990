# hand-written: 2.8 wraps around; current Nix (PR NixOS/nix#11188) makes signed integer overflow an evaluation error. Only the message line is compared.
(-9223372036854775807 - 1) - 1
