# source: NixOS manual, Option Types: types.pathInStore "A path that is contained in the Nix store"
# expect: [ true true false false false ]
with import ../harness.nix;
map types.pathInStore.check [
  "${builtins.storeDir}/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15"
  "${builtins.storeDir}/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15/bin/bash"
  "${builtins.storeDir}"
  "${builtins.storeDir}/"
  "/foo/bar"
]
