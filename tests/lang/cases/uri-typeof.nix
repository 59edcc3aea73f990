builtins.typeOf https://nixos.org
