{ lib, ... }: {
  home.file = lib.listToAttrs (map (i: {
    name = "many/file-${toString i}.txt";
    value.text = "file number ${toString i}\n";
  }) (lib.range 1 5));
}
