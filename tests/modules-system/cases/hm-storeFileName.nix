# source: Home Manager lib.hm.strings.storeFileName: "hm_" and the path's safe characters (letters, digits, + . _ ? =)
# expect: [ "hm_.bashrc" "hm_.configgitconfig" "hm_myfileVer1.2" ]
with import ../harness.nix;
map lib.hm.strings.storeFileName [ ".bashrc" ".config/git/config" "my file-Ver1.2" ]
