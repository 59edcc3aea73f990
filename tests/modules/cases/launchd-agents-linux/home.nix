# launchd.agents on Linux (pkgs for x86_64-linux): launchd.enable defaults to false, as Home
# Manager's does off macOS, so the generation holds no LaunchAgents and no home file.
{ lib, ... }: {
  _module.args.pkgs = lib.mkForce (import ../../../../pkgs { inherit lib; system = "x86_64-linux"; });
  launchd.agents.hello = {
    enable = true;
    config.ProgramArguments = [ "/usr/bin/say" "hello" ];
  };
}
