builtins.toFile "bad" "${(import ../fixtures/drvs.nix).simple}"
