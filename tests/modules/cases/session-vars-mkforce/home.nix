{ lib, ... }: {
  imports = [ ({ ... }: { home.sessionVariables.EDITOR = "vi"; }) ];
  home.sessionVariables.EDITOR = lib.mkForce "nano";
}
