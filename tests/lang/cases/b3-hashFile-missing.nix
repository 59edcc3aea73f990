builtins.hashFile "sha256" ./helpers/missing-file
