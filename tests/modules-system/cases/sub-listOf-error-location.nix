# source: nixpkgs lib/types.nix listOf + submodule: an error inside an element names the element's location
# expect-error: A definition for option `l."[definition 1-entry 1]".port' is not of type `signed integer'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "http"
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf (types.submodule { options.port = mkOption { type = types.int; }; }); }; }
  { _file = home; l = [ { port = "http"; } ]; }
]).l
