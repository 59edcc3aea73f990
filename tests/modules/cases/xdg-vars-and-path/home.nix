{ config, ... }: {
  xdg.enable = true;
  home.sessionVariables.V1 = "v1";
  home.sessionPath = [ "${config.xdg.dataHome}/bin" ];
}
