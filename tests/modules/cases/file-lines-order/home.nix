{ lib, ... }: {
  home.file.".profile".text = lib.mkMerge [
    (lib.mkAfter "echo last")
    "echo middle"
    (lib.mkBefore "echo first")
  ];
}
