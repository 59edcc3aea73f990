{ lib, ... }: {
  home.file = lib.mkMerge [
    (lib.mkIf true { yes.text = "y\n"; })
    (lib.mkIf false { no.text = "n\n"; })
  ];
}
