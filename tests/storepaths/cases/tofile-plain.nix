# toFile of plain texts, including an empty one.
[
  (builtins.toFile "a.txt" "A")
  (builtins.toFile "empty" "")
  (builtins.toFile "multi-line.sh" "#!/bin/sh\necho \"quoted\" \\ \t tab\n")
]
