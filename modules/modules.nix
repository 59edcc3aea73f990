# The list of hearth's modules: Home Manager's core, and the systemd and launchd modules
# (owned by src/services' author).
[
  ./assertions.nix
  ./files.nix
  ./generation.nix
  ./home-environment.nix
  ./home-path.nix
  ./misc.nix
  ./news.nix
  ./xdg.nix
  ./systemd.nix
  ./launchd.nix
]
