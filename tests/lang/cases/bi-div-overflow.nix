# hand-written: 2.8 says "overflow in integer division"; current Nix (PR NixOS/nix#11188, checked arithmetic) says "integer overflow in dividing A / B", as for + - *. Only the message line is compared.
builtins.div (-9223372036854775807 - 1) (-1)
