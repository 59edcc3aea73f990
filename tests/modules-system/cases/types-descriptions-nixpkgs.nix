# source: nixpkgs lib/tests/modules (type description assertions): descriptions of composite types, with their parentheses
# expect: [ "(attribute set of string) or signed integer or boolean" "attribute set of (one of \"a\", \"b\")" "attribute set of non-empty (list of string)" "attribute set of (signed integer or string convertible to it)" "attribute set of (string, not containing newlines or colons)" "attribute set of (submodule)" "attribute set of (open submodule of attribute set of string)" "boolean or (positive integer, meaning >0)" "(list of string) or boolean" "null or (list of string)" "function that evaluates to a(n) (null or string)" "string or (list of string) convertible to it" "value <null> (singular enum)" "one of true, <null>, false" "attribute set of 32 bit unsigned integer; between 0 and 4294967295 (both inclusive)" "open submodule of lazy attribute set of (signed integer or string)" "strings concatenated with \",\"" "non-empty (list of (null or string))" ]
with import ../harness.nix;
with types;
map (t: t.description) [
  (oneOf [ (attrsOf str) int bool ])
  (attrsOf (enum [ "a" "b" ]))
  (attrsOf (nonEmptyListOf str))
  (attrsOf (coercedTo str abort int))
  (attrsOf (passwdEntry str))
  (attrsOf (submodule { }))
  (attrsOf (submodule { freeformType = attrsOf str; }))
  (either bool ints.positive)
  (either (listOf str) bool)
  (nullOr (listOf str))
  (functionTo (nullOr str))
  (coercedTo (listOf str) abort str)
  (enum [ null ])
  (enum [ true null false ])
  (attrsOf ints.u32)
  (submodule [ { freeformType = lazyAttrsOf (either int str); } ])
  (separatedString ",")
  (nonEmptyListOf (nullOr str))
]
