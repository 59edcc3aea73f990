# A file whose name starts with a period (nix 2.8 and current Nix accept it; 2.19 did not).
"${../fixtures/.dotfile}"
