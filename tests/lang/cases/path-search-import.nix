import <hlp/value.nix>
