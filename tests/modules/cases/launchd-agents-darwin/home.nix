# launchd.agents on macOS (pkgs for aarch64-darwin): each enabled agent's plist is in the
# generation's LaunchAgents directory, in Home Manager's plist format (tab-indented XML,
# Label defaulting to org.nix-community.home.NAME, the program run through /bin/wait4path).
# A disabled agent is not. @storeDir@ in the expected files stands for the store directory.
{ lib, ... }: {
  _module.args.pkgs = lib.mkForce (import ../../../../pkgs { inherit lib; system = "aarch64-darwin"; });
  launchd.agents.hello = {
    enable = true;
    config = {
      ProgramArguments = [ "/usr/bin/say" "Good afternoon" ];
      StartCalendarInterval = [{ Hour = 12; Minute = 0; }];
      KeepAlive = false;
      RunAtLoad = true;
    };
  };
  launchd.agents.named = {
    enable = true;
    config = {
      Label = "org.example.named";
      Program = "/bin/echo";
      EnvironmentVariables.GREETING = "a<b";
    };
  };
  launchd.agents.off.config.Program = "/usr/bin/true";
}
