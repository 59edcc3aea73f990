# hand-written: builtins.convertHash is not in 2.8 (added in Nix 2.19); expectation from current Nix's manual examples (builtins.convertHash, nix hash convert).
[
  (builtins.convertHash { hash = "800d59cfcd3c05e900cb4e214be48f6b886a08df"; hashAlgo = "sha1"; toHashFormat = "nix32"; })
  (builtins.convertHash { hash = "800d59cfcd3c05e900cb4e214be48f6b886a08df"; hashAlgo = "sha1"; toHashFormat = "sri"; })
  (builtins.convertHash { hash = "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="; toHashFormat = "nix32"; })
  (builtins.convertHash { hash = "1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s"; hashAlgo = "sha256"; toHashFormat = "sri"; })
]
