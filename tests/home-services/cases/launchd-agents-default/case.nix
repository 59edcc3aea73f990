# source: Home Manager's defaults, systemd.user.enable = pkgs.stdenv.isLinux and
# launchd.enable = pkgs.stdenv.hostPlatform.isDarwin: the launchd-agents case with neither set,
# for macOS (pkgs for aarch64-darwin). The same agents, and no systemd unit is written.
{ lib, ... }: {
  _module.args.pkgs = import ../../../../pkgs { inherit lib; system = "aarch64-darwin"; };
  home.services.notes = {
    process.argv = [ "/opt/notes/bin/notes" "--serve" "my notes" ];
    systemd.service.environment.NOTES_DIR = "/home/alice/notes";
    services.sync = {
      process.argv = [ "/opt/notes/bin/notes-sync" ];
      systemd.service.serviceConfig.Restart = "on-failure";
      launchd.config.ProcessType = "Background";
    };
  };
}
