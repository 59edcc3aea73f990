# lib.systems: the small part of nixpkgs' lib.systems that configurations reach for.
#
# Owns: `doubles` (the lists of system doubles, which `lib.platforms` also is, as in
# nixpkgs) and `elaborate`, which turns a system double ("x86_64-linux") or an attribute set
# holding `system` into a platform with the common predicates: isLinux, isDarwin, isFreeBSD,
# isOpenBSD, isNetBSD, isUnix, isx86_64, isi686, isx86, isAarch64, isAarch32, isRiscV,
# isPower64, is64bit, is32bit, and `parsed.cpu.name` / `parsed.kernel.name`.
#
# Not here: nixpkgs' full parse of triples (`config`, `parsed.vendor`, `parsed.abi`, libc,
# `canExecute`, `emulator`, `uname`, ...); a predicate not listed above is a missing
# attribute rather than a guess.
{ lib }:

let
  inherit (builtins) isString head elem elemAt match;

  bits64 = [ "x86_64" "aarch64" "riscv64" "powerpc64" "powerpc64le" "mips64" "mips64el" "s390x" "loongarch64" "sparc64" ];

  elaborate = systemOrArgs:
    let
      args = if isString systemOrArgs then { system = systemOrArgs; } else systemOrArgs;
      system = args.system or (throw "lib.systems.elaborate: neither a system double nor an attribute set with `system`");
      m = match "([^-]+)-(.+)" system;
      cpu = if m == null then throw "lib.systems.elaborate: '${system}' is not a system double such as x86_64-linux" else head m;
      kernel = elemAt m 1;
    in
    args // rec {
      inherit system;
      parsed = { cpu.name = cpu; kernel.name = kernel; };
      isLinux = kernel == "linux";
      isDarwin = kernel == "darwin";
      isFreeBSD = kernel == "freebsd";
      isOpenBSD = kernel == "openbsd";
      isNetBSD = kernel == "netbsd";
      isUnix = isLinux || isDarwin || isFreeBSD || isOpenBSD || isNetBSD;
      isx86_64 = cpu == "x86_64";
      isi686 = cpu == "i686";
      isx86 = isx86_64 || isi686;
      isAarch64 = cpu == "aarch64";
      isAarch32 = match "armv[0-9]+[a-z]*" cpu != null;
      isRiscV = match "riscv(32|64)" cpu != null;
      isPower64 = match "powerpc64(le)?" cpu != null;
      is64bit = elem cpu bits64;
      is32bit = !is64bit;
    };
in
{
  doubles = lib.platforms;
  inherit elaborate;
}
