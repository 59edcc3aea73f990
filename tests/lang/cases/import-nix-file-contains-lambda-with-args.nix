{ n }: import ./helpers/func.nix n
