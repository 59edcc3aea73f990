# source: nixpkgs release notes 24.05: option descriptions are Markdown; lib.mdDoc only returns its argument
# expect: "some *markdown*"
with import ../harness.nix;
lib.options.mdDoc "some *markdown*"
