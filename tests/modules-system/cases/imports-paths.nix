# source: NixOS manual, Writing NixOS Modules: `imports` lists paths to other modules, whose options and definitions are merged
# expect: { packages = [ "git" ]; programs = { git = { enable = true; userName = "jdoe"; }; }; }
with import ../harness.nix;
config [
  { imports = [ ./modules/packages.nix ./modules/git.nix ]; }
  { programs.git = { enable = true; userName = "jdoe"; }; }
]
