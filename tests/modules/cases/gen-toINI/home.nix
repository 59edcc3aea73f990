{ lib, ... }: {
  xdg.configFile."app/settings.ini".text = lib.generators.toINI { } {
    general = { theme = "dark"; lines = 42; wrap = true; };
    "paths.extra" = { dir = "/tmp"; };
  };
}
