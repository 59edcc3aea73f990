# source: nixpkgs lib/types.nix optionDescriptionPhrase: nested descriptions are parenthesized when ambiguous
# expect: [ "attribute set of list of string" "list of (signed integer or string)" "null or signed integer or string" "attribute set of (null or signed integer)" "function that evaluates to a(n) string" "string or signed integer convertible to it" "positive integer, meaning >0, or string" "lazy attribute set of boolean" "strings concatenated with \"\\n\"" ]
with import ../harness.nix;
map (t: t.description) [
  (types.attrsOf (types.listOf types.str))
  (types.listOf (types.either types.int types.str))
  (types.nullOr (types.either types.int types.str))
  (types.attrsOf (types.nullOr types.int))
  (types.functionTo types.str)
  (types.coercedTo types.int toString types.str)
  (types.either types.ints.positive types.str)
  (types.lazyAttrsOf types.bool)
  types.lines
]
