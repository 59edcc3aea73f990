# source: nixpkgs lib/modules.nix evalOptionValue: an option interpolates to its path (`${options.path.to.it}`)
# expect: "see programs.git.enable"
with import ../harness.nix;
let o = (eval [ { options.programs.git.enable = mkEnableOption "git"; } ]).options; in
"see ${o.programs.git.enable}"
