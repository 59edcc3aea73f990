# lib.platforms: lists of system doubles, for meta.platforms and
# Home Manager's platform assertions.
{ lib }:
rec {
  linux = [
    "aarch64-linux" "armv5tel-linux" "armv6l-linux" "armv7a-linux" "armv7l-linux"
    "i686-linux" "loongarch64-linux" "m68k-linux" "microblaze-linux" "microblazeel-linux"
    "mips-linux" "mips64-linux" "mips64el-linux" "mipsel-linux" "powerpc-linux"
    "powerpc64-linux" "powerpc64le-linux" "riscv32-linux" "riscv64-linux" "s390-linux"
    "s390x-linux" "x86_64-linux"
  ];
  darwin = [ "x86_64-darwin" "aarch64-darwin" ];
  freebsd = [ "i686-freebsd" "x86_64-freebsd" "aarch64-freebsd" ];
  openbsd = [ "i686-openbsd" "x86_64-openbsd" ];
  netbsd = [ "aarch64-netbsd" "armv6l-netbsd" "armv7a-netbsd" "armv7l-netbsd" "i686-netbsd" "mipsel-netbsd" "powerpc-netbsd" "riscv32-netbsd" "riscv64-netbsd" "x86_64-netbsd" ];
  unix = linux ++ darwin ++ freebsd ++ openbsd ++ netbsd;
  all = unix;
  x86_64 = builtins.filter (lib.strings.hasPrefix "x86_64-") all;
  aarch64 = builtins.filter (lib.strings.hasPrefix "aarch64-") all;
  i686 = builtins.filter (lib.strings.hasPrefix "i686-") all;
  x86 = x86_64 ++ i686;
  none = [ ];
}
