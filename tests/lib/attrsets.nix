# lib.attrsets.  Expected values come from the doc comment examples of
# nixpkgs lib (26.11) in the nixpkgs manual's "lib.attrsets" reference, or
# the behaviour those docs describe (cited per case).
{ lib }:
with lib;
let
  t = name: expr: expected: { inherit name expr expected; };
  x = { a = { b = 3; }; };
  pkg = { type = "derivation"; name = "pkg-1.0"; outPath = "/out"; out = "/out"; dev = "/dev"; bin = "/bin"; lib = "/lib"; man = "/man"; outputs = [ "out" "dev" "bin" "lib" "man" ]; };
in
[
  # manual lib.attrsets.attrByPath examples
  (t "attrByPath-found" (attrByPath [ "a" "b" ] 6 x) 3)
  (t "attrByPath-default" (attrByPath [ "z" "z" ] 6 x) 6)
  (t "attrByPath-partial" (attrByPath [ "a" "c" ] "d" x) "d")
  (t "attrByPath-empty-path" (attrByPath [ ] 6 x) x)
  # manual lib.attrsets.hasAttrByPath examples
  (t "hasAttrByPath-true" (hasAttrByPath [ "a" "b" ] x) true)
  (t "hasAttrByPath-false" (hasAttrByPath [ "z" "z" ] x) false)
  (t "hasAttrByPath-empty" (hasAttrByPath [ ] (throw "no need")) true)
  # manual lib.attrsets.longestValidPathPrefix examples
  (t "longestValidPathPrefix-all" (lib.attrsets.longestValidPathPrefix [ "a" "b" "c" ] { a.b.c = null; }) [ "a" "b" "c" ])
  (t "longestValidPathPrefix-two" (lib.attrsets.longestValidPathPrefix [ "a" "b" "c" ] { a.b = null; }) [ "a" "b" ])
  (t "longestValidPathPrefix-one" (lib.attrsets.longestValidPathPrefix [ "a" "b" "c" ] { a = { }; }) [ "a" ])
  (t "longestValidPathPrefix-none" (lib.attrsets.longestValidPathPrefix [ "a" "b" "c" ] { x = null; }) [ ])
  # manual lib.attrsets.setAttrByPath example
  (t "setAttrByPath-example" (setAttrByPath [ "a" "b" ] 3) { a = { b = 3; }; })
  (t "setAttrByPath-empty" (setAttrByPath [ ] 3) 3)
  # manual lib.attrsets.getAttrFromPath example
  (t "getAttrFromPath-example" (getAttrFromPath [ "a" "b" ] x) 3)
  # manual lib.attrsets.concatMapAttrs example
  (t "concatMapAttrs-example" (concatMapAttrs (name: value: { ${name} = value; ${name + value} = value; }) { x = "a"; y = "b"; })
    { x = "a"; xa = "a"; y = "b"; yb = "b"; })
  # manual lib.attrsets.updateManyAttrsByPath example
  (t "updateManyAttrsByPath-example" (updateManyAttrsByPath [
    { path = [ "a" "b" ]; update = old: { d = old.c; }; }
    { path = [ "a" "b" "c" ]; update = old: old + 1; }
    { path = [ "x" "y" ]; update = old: "xy"; }
  ] { a.b.c = 0; }) { a = { b = { d = 1; }; }; x = { y = "xy"; }; })
  (t "updateManyAttrsByPath-root" (updateManyAttrsByPath [ { path = [ ]; update = old: old // { z = 1; }; } ] { a = 1; }) { a = 1; z = 1; })
  (t "updateManyAttrsByPath-none" (updateManyAttrsByPath [ ] { a = 1; }) { a = 1; })
  # manual lib.attrsets.attrVals example
  (t "attrVals-example" (attrVals [ "a" "b" "c" ] { a = 1; b = 2; c = 3; d = 4; }) [ 1 2 3 ])
  # manual lib.attrsets.attrValues example (sorted by name)
  (t "attrValues-example" (attrValues { c = 3; a = 1; b = 2; }) [ 1 2 3 ])
  (t "attrNames" (attrNames { c = 3; a = 1; }) [ "a" "c" ])
  # manual lib.attrsets.getAttrs example
  (t "getAttrs-example" (getAttrs [ "a" "b" ] { a = 1; b = 2; c = 3; }) { a = 1; b = 2; })
  # manual lib.attrsets.catAttrs example
  (t "catAttrs-example" (catAttrs "a" [ { a = 1; } { b = 0; } { a = 2; } ]) [ 1 2 ])
  # manual lib.attrsets.filterAttrs example
  (t "filterAttrs-example" (filterAttrs (n: v: n == "foo") { foo = 1; bar = 2; }) { foo = 1; })
  (t "filterAttrs-values" (filterAttrs (n: v: v > 1) { a = 1; b = 2; c = 3; }) { b = 2; c = 3; })
  # manual lib.attrsets.filterAttrsRecursive example
  (t "filterAttrsRecursive-example" (filterAttrsRecursive (n: v: v != null) { foo = { bar = null; }; }) { foo = { }; })
  (t "filterAttrsRecursive-deep" (filterAttrsRecursive (n: v: n != "x") { a = { x = 1; y = { x = 2; z = 3; }; }; x = 0; }) { a = { y = { z = 3; }; }; })
  # manual lib.attrsets.foldlAttrs examples
  (t "foldlAttrs-sum" (foldlAttrs (acc: name: value: { sum = acc.sum + value; names = acc.names ++ [ name ]; }) { sum = 0; names = [ ]; } { foo = 1; bar = 10; })
    { sum = 11; names = [ "bar" "foo" ]; })
  (t "foldlAttrs-empty" (foldlAttrs (throw "function not needed") 123 { }) 123)
  (t "foldlAttrs-lazy-values" (foldlAttrs (acc: _: _: acc) 3 { z = throw "value not needed"; a = throw "value not needed"; }) 3)
  (t "foldlAttrs-lazy-init" (foldlAttrs (acc: _: v: v) (throw "initial accumulator not needed") { z = 3; a = 2; }) 3)
  # manual lib.attrsets.foldAttrs example
  (t "foldAttrs-example" (foldAttrs (item: acc: [ item ] ++ acc) [ ] [ { a = 2; } { a = 3; } ]) { a = [ 2 3 ]; })
  (t "foldAttrs-sum" (foldAttrs (n: a: n + a) 0 [ { a = 1; b = 2; } { a = 3; } ]) { a = 4; b = 2; })
  # manual lib.attrsets.collect examples
  (t "collect-lists" (collect isList { a = { b = [ "b" ]; }; c = [ 1 ]; }) [ [ "b" ] [ 1 ] ])
  (t "collect-outPath" (collect (x: x ? outPath) { a = { outPath = "a/"; }; b = { outPath = "b/"; }; }) [ { outPath = "a/"; } { outPath = "b/"; } ])
  # manual lib.attrsets.cartesianProduct example
  (t "cartesianProduct-example" (cartesianProduct { a = [ 1 2 ]; b = [ 10 20 ]; })
    [ { a = 1; b = 10; } { a = 1; b = 20; } { a = 2; b = 10; } { a = 2; b = 20; } ])
  (t "cartesianProduct-empty" (cartesianProduct { }) [ { } ])
  # manual lib.attrsets.mapCartesianProduct example
  (t "mapCartesianProduct-example" (mapCartesianProduct ({ a, b }: "${a}-${b}") { a = [ "1" "2" ]; b = [ "3" "4" ]; }) [ "1-3" "1-4" "2-3" "2-4" ])
  # manual lib.attrsets.nameValuePair example
  (t "nameValuePair-example" (nameValuePair "some" 6) { name = "some"; value = 6; })
  # manual lib.attrsets.mapAttrs example
  (t "mapAttrs-example" (mapAttrs (name: value: name + "-" + value) { x = "foo"; y = "bar"; }) { x = "x-foo"; y = "y-bar"; })
  # manual lib.attrsets.mapAttrs' example
  (t "mapAttrs'-example" (mapAttrs' (name: value: nameValuePair ("foo_" + name) ("bar-" + value)) { x = "a"; y = "b"; }) { foo_x = "bar-a"; foo_y = "bar-b"; })
  # manual lib.attrsets.mapAttrsToList example
  (t "mapAttrsToList-example" (mapAttrsToList (name: value: name + value) { x = "a"; y = "b"; }) [ "xa" "yb" ])
  # manual lib.attrsets.attrsToList example
  (t "attrsToList-example" (attrsToList { foo = 1; bar = "asdf"; }) [ { name = "bar"; value = "asdf"; } { name = "foo"; value = 1; } ])
  # manual lib.attrsets.mapAttrsRecursive example
  (t "mapAttrsRecursive-example" (mapAttrsRecursive (path: value: concatStringsSep "-" (path ++ [ value ])) { n = { a = "A"; m = { b = "B"; c = "C"; }; }; d = "D"; })
    { n = { a = "n-a-A"; m = { b = "n-m-b-B"; c = "n-m-c-C"; }; }; d = "d-D"; })
  # manual lib.attrsets.mapAttrsRecursiveCond: does not descend where cond is false
  (t "mapAttrsRecursiveCond-stop" (mapAttrsRecursiveCond (as: !(as ? stop)) (path: v: if isAttrs v then "kept" else v + 1) { a = 1; b = { c = 2; }; s = { stop = 1; }; })
    { a = 2; b = { c = 3; }; s = "kept"; })
  # manual lib.attrsets.genAttrs example
  (t "genAttrs-example" (genAttrs [ "foo" "bar" ] (name: "x_" + name)) { foo = "x_foo"; bar = "x_bar"; })
  # manual lib.attrsets.genAttrs' example
  (t "genAttrs'-example" (genAttrs' [ "foo" "bar" ] (s: nameValuePair ("x_" + s) ("y_" + s))) { x_foo = "y_foo"; x_bar = "y_bar"; })
  # manual lib.attrsets.isDerivation: type == "derivation"
  (t "isDerivation-true" (isDerivation { type = "derivation"; }) true)
  (t "isDerivation-false" (isDerivation { }) false)
  (t "isDerivation-string" (isDerivation "foo") false)
  # manual lib.attrsets.optionalAttrs examples
  (t "optionalAttrs-true" (optionalAttrs true { my = "set"; }) { my = "set"; })
  (t "optionalAttrs-false" (optionalAttrs false { my = "set"; }) { })
  # manual lib.attrsets.zipAttrsWithNames example
  (t "zipAttrsWithNames-example" (zipAttrsWithNames [ "a" ] (name: vs: vs) [ { a = "x"; } { a = "y"; b = "z"; } ]) { a = [ "x" "y" ]; })
  # manual lib.attrsets.zipAttrsWith example
  (t "zipAttrsWith-example" (zipAttrsWith (name: values: values) [ { a = "x"; } { a = "y"; b = "z"; } ]) { a = [ "x" "y" ]; b = [ "z" ]; })
  (t "zipAttrsWith-names" (zipAttrsWith (name: values: name) [ { a = 1; } { b = 2; } ]) { a = "a"; b = "b"; })
  # manual lib.attrsets.zipAttrs example
  (t "zipAttrs-example" (zipAttrs [ { a = "x"; } { a = "y"; b = "z"; } ]) { a = [ "x" "y" ]; b = [ "z" ]; })
  # manual lib.attrsets.mergeAttrsList examples
  (t "mergeAttrsList-example" (mergeAttrsList [ { a = 0; b = 1; } { c = 2; d = 3; } ]) { a = 0; b = 1; c = 2; d = 3; })
  (t "mergeAttrsList-later-wins" (mergeAttrsList [ { a = 0; } { a = 1; } ]) { a = 1; })
  (t "mergeAttrsList-empty" (mergeAttrsList [ ]) { })
  (t "mergeAttrsList-many" (mergeAttrsList (map (i: { "k${toString i}" = i; a = i; }) [ 1 2 3 4 5 ])) { k1 = 1; k2 = 2; k3 = 3; k4 = 4; k5 = 5; a = 5; })
  # manual lib.attrsets.recursiveUpdateUntil example
  (t "recursiveUpdateUntil-example" (recursiveUpdateUntil (path: l: r: path == [ "foo" ]) { foo.bar = 1; foo.baz = 2; bar = 3; } { foo.bar = 1; foo.quz = 2; baz = 4; })
    { foo.bar = 1; foo.quz = 2; bar = 3; baz = 4; })
  # manual lib.attrsets.recursiveUpdate example
  (t "recursiveUpdate-example" (recursiveUpdate { boot.loader.grub.enable = true; boot.loader.grub.device = "/dev/hda"; } { boot.loader.grub.device = ""; })
    { boot.loader.grub.enable = true; boot.loader.grub.device = ""; })
  (t "recursiveUpdate-nonattr-wins" (recursiveUpdate { a = { b = 1; }; } { a = 2; }) { a = 2; })
  (t "recursiveUpdate-attr-over-value" (recursiveUpdate { a = 2; } { a = { b = 1; }; }) { a = { b = 1; }; })
  # manual lib.attrsets.matchAttrs example
  (t "matchAttrs-example" (matchAttrs { cpu = { }; } { cpu = { bits = 64; }; }) true)
  (t "matchAttrs-false" (matchAttrs { cpu = { bits = 32; }; } { cpu = { bits = 64; }; }) false)
  (t "matchAttrs-missing" (matchAttrs { os = "linux"; } { cpu = 1; }) false)
  # manual lib.attrsets.overrideExisting examples
  (t "overrideExisting-nested" (overrideExisting { a = { b = 4; c = 3; }; } { a = { b = 6; d = 2; }; }) { a = { b = 6; d = 2; }; })
  (t "overrideExisting-empty" (overrideExisting { } { a = 1; }) { })
  (t "overrideExisting-disjoint" (overrideExisting { b = 2; } { a = 1; }) { b = 2; })
  (t "overrideExisting-override" (overrideExisting { a = 3; b = 2; } { a = 1; }) { a = 1; b = 2; })
  # manual lib.attrsets.showAttrPath examples
  (t "showAttrPath-example" (showAttrPath [ "foo" "10" "bar" ]) "foo.\"10\".bar")
  (t "showAttrPath-root" (showAttrPath [ ]) "<root attribute path>")
  # manual lib.attrsets.getOutput / getBin / getLib / getDev / getMan
  (t "getOutput-dev" (getOutput "dev" pkg) "/dev")
  (t "getOutput-fallback-out" (getOutput "doc" pkg) "/out")
  (t "getBin" (getBin pkg) "/bin")
  (t "getLib" (getLib pkg) "/lib")
  (t "getDev" (getDev pkg) "/dev")
  (t "getMan" (getMan pkg) "/man")
  (t "getOutput-specified" (getBin (pkg // { outputSpecified = true; })).outPath "/out")
  # manual lib.attrsets.getFirstOutput example: the first existing output
  (t "getFirstOutput" (getFirstOutput [ "include" "dev" ] pkg) "/dev")
  (t "getInclude" (getInclude pkg) "/dev")
  # manual lib.attrsets.chooseDevOutputs: getDev on each
  (t "chooseDevOutputs" (chooseDevOutputs [ { dev = 1; out = 0; } { out = 2; } ]) [ 1 2 ])
  # manual lib.attrsets.recurseIntoAttrs / dontRecurseIntoAttrs
  (t "recurseIntoAttrs" (recurseIntoAttrs { a = 1; }) { a = 1; recurseForDerivations = true; })
  (t "dontRecurseIntoAttrs" (dontRecurseIntoAttrs { a = 1; }) { a = 1; recurseForDerivations = false; })
  # manual lib.attrsets.unionOfDisjoint: union; collisions throw only when accessed
  (t "unionOfDisjoint" (unionOfDisjoint { a = 1; } { b = 2; }) { a = 1; b = 2; })
  (t "unionOfDisjoint-other-key" (unionOfDisjoint { a = 1; c = 0; } { b = 2; c = 3; }).a 1)
  (t "unionOfDisjoint-collision" (builtins.tryEval (unionOfDisjoint { c = 0; } { c = 3; }).c).success false)
  # builtins re-exported by lib.attrsets (nixpkgs manual)
  (t "intersectAttrs" (intersectAttrs { a = 0; b = 0; } { b = 1; c = 2; }) { b = 1; })
  (t "removeAttrs" (removeAttrs { a = 1; b = 2; } [ "a" ]) { b = 2; })
  (t "listToAttrs" (listToAttrs [ (nameValuePair "k" 1) ]) { k = 1; })
  (t "hasAttr" (hasAttr "a" { a = 1; }) true)
  (t "isAttrs" (isAttrs { }) true)
]
