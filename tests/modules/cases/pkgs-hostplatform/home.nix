{ pkgs, lib, ... }: {
  home.file.platform.text =
    lib.optionalString pkgs.stdenv.hostPlatform.isLinux "linux\n"
    + lib.optionalString pkgs.stdenv.hostPlatform.isDarwin "darwin\n";
}
