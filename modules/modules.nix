# The list of hearth's modules: Home Manager's core, the systemd and launchd modules, the
# application modules hearth has (programs/) and the modular services.
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
  # Application modules.
  ./programs/git.nix
  # Modular services (`home.services`), on by default as in Home Manager.
  ./home-services
]
