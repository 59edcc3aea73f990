# A run of repetition operators on one atom means one operator; a long run must not blow up
# (the fuzzer's 120 `+` made glibc's regcomp take 24 GB).
[
  (builtins.match "a++" "aaa")
  (builtins.match "(a)*?b" "aab")
  (builtins.match "a?+" "aa")
  (builtins.match "a??" "a")
  (builtins.match "a**" "")
  (builtins.match "[+*]+" "+*")
  (builtins.match "a\\++" "a++")
  (builtins.match "(a+)+b" "aaab")
  (builtins.split "x??" "axb")
  (builtins.split "(b${builtins.concatStringsSep "" (builtins.genList (_: "+") 120)})" "abbbc")
  (builtins.match "x${builtins.concatStringsSep "" (builtins.genList (_: "+*?") 60)}y" "xxxy")
]
