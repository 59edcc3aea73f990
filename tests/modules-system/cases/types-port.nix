# source: NixOS manual, Option Types: types.port "A port number. This type is an alias to types.ints.u16"
# expect-error: A definition for option `port' is not of type `16 bit unsigned integer; between 0 and 65535 (both inclusive)'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': 70000
with import ../harness.nix;
(config [
  { options.port = mkOption { type = types.port; }; }
  { _file = home; port = 70000; }
]).port
