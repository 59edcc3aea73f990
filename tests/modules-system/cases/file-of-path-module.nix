# source: nixpkgs lib/modules.nix: definitions from an imported file are attributed to that file
# expect-error: A definition for option `packages."[definition 1-entry 1]"' is not of type `string'. Definition values:
# expect-error: - In `@DIR@/modules/bad-package.nix': 42
with import ../harness.nix;
(config [ ./modules/packages.nix ./modules/bad-package.nix ]).packages
