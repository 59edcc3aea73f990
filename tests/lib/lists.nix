# lib.lists.  Expected values come from the doc comment examples of nixpkgs
# lib (26.11) as shown in the nixpkgs manual's "lib.lists" reference, or the
# behaviour those docs describe (cited per case).
{ lib }:
with lib;
let
  t = name: expr: expected: { inherit name expr expected; };
  wms = [
    { name = "icewm"; script = "icewm &"; }
    { name = "xfce"; script = "xfce4-session &"; }
    { name = "icewm"; script = "icewmbg &"; }
    { name = "mate"; script = "gnome-session &"; }
  ];
in
[
  # manual lib.lists.singleton example: singleton "foo" => [ "foo" ]
  (t "singleton" (singleton "foo") [ "foo" ])
  # manual lib.lists.forEach example
  (t "forEach-example" (forEach [ 1 2 ] (x: toString x)) [ "1" "2" ])
  # manual lib.lists.foldr examples
  (t "foldr-concat" (foldr (a: b: a + b) "z" [ "a" "b" "c" ]) "abcz")
  (t "foldr-strange" (foldr (int: str: toString (int + 1) + str) "a" [ 1 2 3 4 ]) "2345a")
  (t "foldr-empty" (foldr (a: b: a + b) "z" [ ]) "z")
  (t "foldr-lazy-list" (foldr (x: acc: [ x ] ++ acc) [ ] [ 1 2 3 ]) [ 1 2 3 ])
  (t "fold-alias" (fold (a: b: a + b) 0 [ 1 2 3 ]) 6)
  # manual lib.lists.foldl examples
  (t "foldl-concat" (foldl (a: b: a + b) "z" [ "a" "b" "c" ]) "zabc")
  (t "foldl-strange" (foldl (str: int: str + toString (int + 1)) "a" [ 1 2 3 4 ]) "a2345")
  (t "foldl-empty" (foldl (a: b: a + b) "z" [ ]) "z")
  # manual lib.lists.foldl' example: foldl' (acc: x: acc + x) 0 [1 2 3] => 6
  (t "foldl'-example" (foldl' (acc: x: acc + x) 0 [ 1 2 3 ]) 6)
  (t "foldl'-order" (foldl' (acc: x: acc ++ [ x ]) [ 0 ] [ 1 2 ]) [ 0 1 2 ])
  # manual lib.lists.imap0 / imap1 examples
  (t "imap0-example" (imap0 (i: v: "${v}-${toString i}") [ "a" "b" ]) [ "a-0" "b-1" ])
  (t "imap1-example" (imap1 (i: v: "${v}-${toString i}") [ "a" "b" ]) [ "a-1" "b-2" ])
  (t "imap0-empty" (imap0 (i: v: v) [ ]) [ ])
  # manual lib.lists.ifilter0 example
  (t "ifilter0-example" (ifilter0 (i: v: i == 0 || v > 2) [ 1 2 3 ]) [ 1 3 ])
  # manual lib.lists.concatMap example
  (t "concatMap-example" (concatMap (x: [ x ] ++ [ "z" ]) [ "a" "b" ]) [ "a" "z" "b" "z" ])
  # manual lib.lists.flatten examples
  (t "flatten-nested" (flatten [ 1 [ 2 [ 3 ] 4 ] 5 ]) [ 1 2 3 4 5 ])
  (t "flatten-scalar" (flatten 1) [ 1 ])
  (t "flatten-empty" (flatten [ [ ] [ [ ] ] ]) [ ])
  # manual lib.lists.remove example
  (t "remove-example" (remove 3 [ 1 3 4 3 ]) [ 1 4 ])
  (t "remove-absent" (remove 9 [ 1 2 ]) [ 1 2 ])
  # manual lib.lists.findSingle examples
  (t "findSingle-none" (findSingle (x: x == 3) "none" "multiple" [ 1 9 ]) "none")
  (t "findSingle-one" (findSingle (x: x == 3) "none" "multiple" [ 1 3 ]) 3)
  (t "findSingle-many" (findSingle (x: x == 3) "none" "multiple" [ 1 3 3 ]) "multiple")
  # manual lib.lists.findFirstIndex examples
  (t "findFirstIndex-found" (findFirstIndex (x: x > 3) null [ 0 6 4 ]) 1)
  (t "findFirstIndex-none" (findFirstIndex (x: x > 9) null [ 0 6 4 ]) null)
  # manual lib.lists.findFirst examples
  (t "findFirst-found" (findFirst (x: x > 3) 7 [ 1 6 4 ]) 6)
  (t "findFirst-default" (findFirst (x: x > 9) 7 [ 1 6 4 ]) 7)
  # manual lib.lists.any / all examples
  (t "any-true" (any isString [ 1 "a" { } ]) true)
  (t "any-false" (any isString [ 1 { } ]) false)
  (t "all-true" (all (x: x < 3) [ 1 2 ]) true)
  (t "all-false" (all (x: x < 3) [ 1 2 3 ]) false)
  (t "all-empty" (all (x: false) [ ]) true)
  # manual lib.lists.count example
  (t "count-example" (count (x: x == 3) [ 3 2 3 4 6 ]) 2)
  # manual lib.lists.optional examples
  (t "optional-true" (optional true "foo") [ "foo" ])
  (t "optional-false" (optional false "foo") [ ])
  # manual lib.lists.optionals examples
  (t "optionals-true" (optionals true [ 2 3 ]) [ 2 3 ])
  (t "optionals-false" (optionals false [ 2 3 ]) [ ])
  # manual lib.lists.toList examples
  (t "toList-list" (toList [ 1 2 ]) [ 1 2 ])
  (t "toList-scalar" (toList "hi") [ "hi" ])
  # manual lib.lists.range examples
  (t "range-2-4" (range 2 4) [ 2 3 4 ])
  (t "range-3-2" (range 3 2) [ ])
  (t "range-single" (range 5 5) [ 5 ])
  # manual lib.lists.replicate examples
  (t "replicate-3" (replicate 3 "a") [ "a" "a" "a" ])
  (t "replicate-2" (replicate 2 true) [ true true ])
  (t "replicate-0" (replicate 0 1) [ ])
  # manual lib.lists.partition example
  (t "partition-example" (partition (x: x > 2) [ 5 1 2 3 4 ]) { right = [ 5 3 4 ]; wrong = [ 1 2 ]; })
  # manual lib.lists.groupBy' example
  (t "groupBy'-example" (groupBy' builtins.add 0 (x: boolToString (x > 2)) [ 5 1 2 3 4 ]) { true = 12; false = 3; })
  # manual lib.lists.groupBy examples
  (t "groupBy-bool" (groupBy (x: boolToString (x > 2)) [ 5 1 2 3 4 ]) { true = [ 5 3 4 ]; false = [ 1 2 ]; })
  (t "groupBy-names" (groupBy (x: x.name) wms) {
    icewm = [ { name = "icewm"; script = "icewm &"; } { name = "icewm"; script = "icewmbg &"; } ];
    mate = [ { name = "mate"; script = "gnome-session &"; } ];
    xfce = [ { name = "xfce"; script = "xfce4-session &"; } ];
  })
  # manual lib.lists.zipListsWith example
  (t "zipListsWith-example" (zipListsWith (a: b: a + b) [ "h" "l" ] [ "e" "o" ]) [ "he" "lo" ])
  (t "zipListsWith-shorter" (zipListsWith (a: b: a + b) [ 1 2 3 ] [ 10 ]) [ 11 ])
  # manual lib.lists.zipLists example
  (t "zipLists-example" (zipLists [ 1 2 ] [ "a" "b" ]) [ { fst = 1; snd = "a"; } { fst = 2; snd = "b"; } ])
  # manual lib.lists.reverseList example
  (t "reverseList-example" (reverseList [ "b" "o" "j" ]) [ "j" "o" "b" ])
  (t "reverseList-empty" (reverseList [ ]) [ ])
  # manual lib.lists.listDfs examples
  (t "listDfs-minimal" (listDfs true hasPrefix [ "/home/user" "other" "/" "/home" ])
    { minimal = "/"; visited = [ "/home/user" ]; rest = [ "/home" "other" ]; })
  (t "listDfs-cycle" (listDfs true hasPrefix [ "/home/user" "other" "/" "/home" "/" ])
    { cycle = "/"; loops = [ "/" ]; visited = [ "/" "/home/user" ]; rest = [ "/home" "other" ]; })
  # manual lib.lists.toposort example
  (t "toposort-example" (toposort hasPrefix [ "/home/user" "other" "/" "/home" ]) { result = [ "/" "/home" "/home/user" "other" ]; })
  (t "toposort-cycle" (toposort hasPrefix [ "/home/user" "other" "/" "/home" "/" ]) { cycle = [ "/home/user" "/" "/" ]; loops = [ "/" ]; })
  (t "toposort-other-first" (toposort hasPrefix [ "other" "/home/user" "/home" "/" ]) { result = [ "other" "/" "/home" "/home/user" ]; })
  (t "toposort-ints" (toposort (a: b: a < b) [ 3 2 1 ]) { result = [ 1 2 3 ]; })
  (t "toposort-single" (toposort hasPrefix [ "x" ]) { result = [ "x" ]; })
  (t "toposort-has-cycle" ((toposort (a: b: true) [ 1 2 ]) ? cycle) true)
  # manual lib.lists.sort example
  (t "sort-example" (sort (p: q: p < q) [ 5 3 7 ]) [ 3 5 7 ])
  # manual lib.lists.sortOn example
  (t "sortOn-example" (sortOn stringLength [ "aa" "b" "cccc" ]) [ "b" "aa" "cccc" ])
  (t "sortOn-stable" (sortOn (x: x.k) [ { k = 1; v = "a"; } { k = 0; v = "b"; } { k = 1; v = "c"; } ])
    [ { k = 0; v = "b"; } { k = 1; v = "a"; } { k = 1; v = "c"; } ])
  # manual lib.lists.compareLists examples
  (t "compareLists-empty" (compareLists compare [ ] [ ]) 0)
  (t "compareLists-shorter" (compareLists compare [ ] [ "a" ]) (-1))
  (t "compareLists-longer" (compareLists compare [ "a" ] [ ]) 1)
  (t "compareLists-elem" (compareLists compare [ "a" "b" ] [ "a" "c" ]) (-1))
  # manual lib.lists.naturalSort examples
  (t "naturalSort-disks" (naturalSort [ "disk11" "disk8" "disk100" "disk9" ]) [ "disk8" "disk9" "disk11" "disk100" ])
  (t "naturalSort-ips" (naturalSort [ "10.46.133.149" "10.5.16.62" "10.54.16.25" ]) [ "10.5.16.62" "10.46.133.149" "10.54.16.25" ])
  (t "naturalSort-versions" (naturalSort [ "v0.2" "v0.15" "v0.0.9" ]) [ "v0.0.9" "v0.2" "v0.15" ])
  # manual lib.lists.take examples
  (t "take-2" (take 2 [ "a" "b" "c" "d" ]) [ "a" "b" ])
  (t "take-empty" (take 2 [ ]) [ ])
  (t "take-more" (take 9 [ 1 2 ]) [ 1 2 ])
  # manual lib.lists.takeEnd examples
  (t "takeEnd-2" (takeEnd 2 [ "a" "b" "c" "d" ]) [ "c" "d" ])
  (t "takeEnd-empty" (takeEnd 2 [ ]) [ ])
  # manual lib.lists.drop examples
  (t "drop-2" (drop 2 [ "a" "b" "c" "d" ]) [ "c" "d" ])
  (t "drop-empty" (drop 2 [ ]) [ ])
  (t "drop-more" (drop 9 [ 1 2 ]) [ ])
  # manual lib.lists.dropEnd examples
  (t "dropEnd-2" (dropEnd 2 [ "a" "b" "c" "d" ]) [ "a" "b" ])
  (t "dropEnd-empty" (dropEnd 2 [ ]) [ ])
  # manual lib.lists.hasPrefix examples
  (t "lists-hasPrefix-true" (lib.lists.hasPrefix [ 1 2 ] [ 1 2 3 4 ]) true)
  (t "lists-hasPrefix-false" (lib.lists.hasPrefix [ 0 1 ] [ 1 2 3 4 ]) false)
  # manual lib.lists.removePrefix examples
  (t "lists-removePrefix" (lib.lists.removePrefix [ 1 2 ] [ 1 2 3 4 ]) [ 3 4 ])
  (t "lists-removePrefix-bad" (builtins.tryEval (lib.lists.removePrefix [ 0 1 ] [ 1 2 3 4 ])).success false)
  # manual lib.lists.sublist examples
  (t "sublist-example" (sublist 1 3 [ "a" "b" "c" "d" "e" ]) [ "b" "c" "d" ])
  (t "sublist-empty" (sublist 1 3 [ ]) [ ])
  (t "sublist-past-end" (sublist 3 10 [ 1 2 3 4 5 ]) [ 4 5 ])
  # manual lib.lists.commonPrefix examples
  (t "commonPrefix-1" (lib.lists.commonPrefix [ 1 2 3 4 5 6 ] [ 1 2 4 8 ]) [ 1 2 ])
  (t "commonPrefix-2" (lib.lists.commonPrefix [ 1 2 3 ] [ 1 2 3 4 5 ]) [ 1 2 3 ])
  (t "commonPrefix-3" (lib.lists.commonPrefix [ 1 2 3 ] [ 4 5 6 ]) [ ])
  # manual lib.lists.last / init examples
  (t "last-example" (last [ 1 2 3 ]) 3)
  (t "init-example" (init [ 1 2 3 ]) [ 1 2 ])
  (t "last-empty-fails" (builtins.tryEval (last [ ])).success false)
  (t "init-empty-fails" (builtins.tryEval (init [ ])).success false)
  # manual lib.lists.unique example
  (t "unique-example" (unique [ 3 2 3 4 ]) [ 3 2 4 ])
  (t "unique-empty" (unique [ ]) [ ])
  # manual lib.lists.allUnique examples
  (t "allUnique-false" (allUnique [ 3 2 3 4 ]) false)
  (t "allUnique-true" (allUnique [ 3 2 4 1 ]) true)
  # manual lib.lists.intersectLists example
  (t "intersectLists-example" (intersectLists [ 1 2 3 ] [ 6 3 2 ]) [ 3 2 ])
  # manual lib.lists.subtractLists example
  (t "subtractLists-example" (subtractLists [ 3 2 ] [ 1 2 3 4 5 3 ]) [ 1 4 5 ])
  # manual lib.lists.mutuallyExclusive: no element in common
  (t "mutuallyExclusive-true" (mutuallyExclusive [ 1 2 ] [ 3 4 ]) true)
  (t "mutuallyExclusive-false" (mutuallyExclusive [ 1 2 ] [ 2 3 ]) false)
  (t "mutuallyExclusive-empty" (mutuallyExclusive [ ] [ 1 ]) true)
  # manual lib.lists.replaceElemAt example
  (t "replaceElemAt" (lib.lists.replaceElemAt [ 1 2 3 ] 0 "a") [ "a" 2 3 ])
  # builtins re-exported by lib.lists (nixpkgs manual: concatLists, genList, length, head, tail, elem, elemAt, filter, map)
  (t "concatLists" (concatLists [ [ 1 2 ] [ 3 ] [ ] ]) [ 1 2 3 ])
  (t "genList" (genList (x: x * 2) 3) [ 0 2 4 ])
  (t "length" (length [ 1 2 ]) 2)
  (t "head" (head [ 1 2 ]) 1)
  (t "tail" (tail [ 1 2 ]) [ 2 ])
  (t "elem-true" (elem 2 [ 1 2 ]) true)
  (t "elem-false" (elem 5 [ 1 2 ]) false)
  (t "elemAt" (elemAt [ 1 2 3 ] 1) 2)
  (t "filter" (filter (x: x > 1) [ 1 2 3 ]) [ 2 3 ])
  (t "map" (map (x: x + 1) [ 1 2 ]) [ 2 3 ])
  (t "isList" (isList [ ]) true)
]
