# source: nixpkgs lib docs, lib.options.mkEnableOption: default false, example true, description "Whether to enable NAME."
# expect: { _type = "option"; default = false; description = "Whether to enable the git program."; example = true; type = "bool"; }
with import ../harness.nix;
let o = mkEnableOption "the git program"; in o // { type = o.type.name; }
