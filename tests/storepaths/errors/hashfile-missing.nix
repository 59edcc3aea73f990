builtins.hashFile "sha256" ../fixtures/no-such-file
