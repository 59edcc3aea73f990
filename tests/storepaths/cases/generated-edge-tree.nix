# Edge cases of the NAR: empty directories, names that sort by byte (upper case, '-', '.',
# '_', UTF-8), sizes that are not multiples of 8, a file larger than one read, executable and
# group-executable files, dangling, absolute and directory symlinks, deep nesting.
# @GEN@ is a directory made by the run script.
[
  "${@GEN@/edge-tree}"
  (builtins.path { path = @GEN@/edge-tree; name = "no-dirs-named-a"; filter = p: t: !(t == "directory" && baseNameOf p == "a"); })
  (builtins.hashFile "sha256" @GEN@/edge-tree/big)
]
