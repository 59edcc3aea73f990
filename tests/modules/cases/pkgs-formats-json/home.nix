{ pkgs, ... }: {
  xdg.configFile."tool/settings.json".source =
    (pkgs.formats.json { }).generate "settings.json" { enable = true; level = 3; };
}
