# lib.trivial and lib.fixedPoints.  Each expected value comes from the
# documentation of nixpkgs lib (26.11): the doc comment examples shown in the
# nixpkgs manual's "lib.trivial" / "lib.fixedPoints" reference, or the
# behaviour those docs describe (cited per case).
{ lib }:
with lib;
let
  t = name: expr: expected: { inherit name expr expected; };
in
[
  # manual lib.trivial.id: "The identity function"
  (t "id-int" (id 5) 5)
  (t "id-list" (id [ 1 "a" ]) [ 1 "a" ])
  # manual lib.trivial.const example: let f = const 5; in f 10 => 5
  (t "const-example" (let f = const 5; in f 10) 5)
  (t "const-ignores" (const "x" (throw "unused")) "x")
  # manual lib.trivial.pipe example: pipe 2 [ (x: x + 2) (x: x * 2) ] => 8
  (t "pipe-example" (pipe 2 [ (x: x + 2) (x: x * 2) ]) 8)
  # pipe with no functions returns the value (documented: "applied in order")
  (t "pipe-empty" (pipe 7 [ ]) 7)
  (t "pipe-strings" (pipe "a" [ (s: s + "b") (s: s + "c") toUpper ]) "ABC")
  # manual lib.trivial.concat example: concat [ 1 2 ] [ 3 4 ] => [ 1 2 3 4 ]
  (t "concat-example" (concat [ 1 2 ] [ 3 4 ]) [ 1 2 3 4 ])
  # manual lib.trivial.or / and / xor: boolean operators as functions
  (t "or-tf" (lib.trivial.or true false) true)
  (t "or-ff" (lib.trivial.or false false) false)
  (t "and-tf" (lib.trivial.and true false) false)
  (t "and-tt" (lib.trivial.and true true) true)
  (t "xor-tf" (xor true false) true)
  (t "xor-tt" (xor true true) false)
  (t "xor-ff" (xor false false) false)
  (t "xor-ft" (xor false true) true)
  # manual lib.trivial.bitAnd/bitOr/bitXor/bitNot: bitwise operations
  (t "bitAnd" (bitAnd 3 5) 1)
  (t "bitOr" (bitOr 3 5) 7)
  (t "bitXor" (bitXor 3 5) 6)
  (t "bitNot-0" (bitNot 0) (-1))
  (t "bitNot-5" (bitNot 5) (-6))
  # manual lib.trivial.boolToString: "true" / "false"
  (t "boolToString-true" (boolToString true) "true")
  (t "boolToString-false" (boolToString false) "false")
  # manual lib.trivial.mergeAttrs example
  (t "mergeAttrs-example" (mergeAttrs { a = 1; b = 2; } { b = 3; c = 4; }) { a = 1; b = 3; c = 4; })
  # manual lib.trivial.flip example: flip concat [1] [2] => [ 2 1 ]
  (t "flip-example" (flip concat [ 1 ] [ 2 ]) [ 2 1 ])
  # manual lib.trivial.defaultTo: "Return maybeValue if not null, otherwise return default"
  (t "defaultTo-null" (defaultTo "default" null) "default")
  (t "defaultTo-value" (defaultTo "default" "given") "given")
  (t "defaultTo-false" (defaultTo true false) false)
  # manual lib.trivial.mapNullable examples
  (t "mapNullable-null" (mapNullable (x: x + 1) null) null)
  (t "mapNullable-22" (mapNullable (x: x + 1) 22) 23)
  # manual lib.trivial.min / max
  (t "min" (min 1 2) 1)
  (t "min-neg" (min (-3) 2) (-3))
  (t "max" (max 1 2) 2)
  (t "max-str" (max "a" "b") "b")
  # manual lib.trivial.mod examples: mod 11 10 => 1, mod 1 10 => 1
  (t "mod-11-10" (mod 11 10) 1)
  (t "mod-1-10" (mod 1 10) 1)
  (t "mod-20-5" (mod 20 5) 0)
  # manual lib.trivial.compare: -1 if a < b, 0 if equal, 1 if a > b
  (t "compare-lt" (compare 1 2) (-1))
  (t "compare-eq" (compare "a" "a") 0)
  (t "compare-gt" (compare 2 1) 1)
  # manual lib.trivial.splitByAndCompare examples
  (t "splitByAndCompare-a-z" (splitByAndCompare (hasPrefix "foo") compare compare "a" "z") (-1))
  (t "splitByAndCompare-fooa-fooz" (splitByAndCompare (hasPrefix "foo") compare compare "fooa" "fooz") (-1))
  (t "splitByAndCompare-f-a" (splitByAndCompare (hasPrefix "foo") compare compare "f" "a") 1)
  (t "splitByAndCompare-fooa-a" (splitByAndCompare (hasPrefix "foo") compare compare "fooa" "a") (-1))
  # manual lib.trivial.toHexString example: toHexString 250 => "FA"
  (t "toHexString-250" (toHexString 250) "FA")
  (t "toHexString-0" (toHexString 0) "0")
  (t "toHexString-4095" (toHexString 4095) "FFF")
  # manual lib.trivial.toBaseDigits examples
  (t "toBaseDigits-10-123" (toBaseDigits 10 123) [ 1 2 3 ])
  (t "toBaseDigits-2-6" (toBaseDigits 2 6) [ 1 1 0 ])
  (t "toBaseDigits-16-250" (toBaseDigits 16 250) [ 15 10 ])
  # manual lib.trivial.fromHexString examples
  (t "fromHexString-FF" (fromHexString "FF") 255)
  (t "fromHexString-max" (fromHexString "0x7fffffffffffffff") 9223372036854775807)
  (t "fromHexString-lower" (fromHexString "ff") 255)
  # manual lib.trivial.functionArgs: argument names mapped to "has a default"
  (t "functionArgs-plain" (functionArgs ({ a, b ? 1 }: a)) { a = false; b = true; })
  (t "functionArgs-lambda" (functionArgs (x: x)) { })
  (t "functionArgs-functor" (functionArgs (setFunctionArgs (x: x) { z = true; })) { z = true; })
  # manual lib.trivial.setFunctionArgs: the result is still callable
  (t "setFunctionArgs-call" ((setFunctionArgs (x: x + 1) { x = false; }) 1) 2)
  # manual lib.trivial.isFunction: also true for functors
  (t "isFunction-lambda" (isFunction (x: x)) true)
  (t "isFunction-functor" (isFunction { __functor = self: x: x; }) true)
  (t "isFunction-int" (isFunction 1) false)
  (t "isFunction-set" (isFunction { a = 1; }) false)
  # manual lib.trivial.toFunction examples
  (t "toFunction-value" (toFunction 5 "ignored") 5)
  (t "toFunction-function" (toFunction (x: x + 1) 1) 2)
  # manual lib.trivial.mirrorFunctionArgs: g gets f's functionArgs
  (t "mirrorFunctionArgs" (functionArgs (mirrorFunctionArgs ({ a, b ? 2 }: a) (args: args.a))) { a = false; b = true; })
  # manual lib.trivial.warnIf / warnIfNot / throwIf / throwIfNot: identity when not triggered
  (t "warnIf-false" (warnIf false "never shown" 5) 5)
  (t "warnIfNot-true" (warnIfNot true "never shown" 5) 5)
  (t "throwIf-false" (throwIf false "never thrown" 5) 5)
  (t "throwIfNot-true" (throwIfNot true "never thrown" 5) 5)
  (t "throwIf-true-caught" (builtins.tryEval (throwIf true "boom" 5)).success false)
  (t "throwIfNot-false-caught" (builtins.tryEval (throwIfNot false "boom" 5)).success false)
  # manual lib.trivial.checkListOfEnum example: passes through when all valid
  (t "checkListOfEnum-ok" (checkListOfEnum "color" [ "red" "green" ] [ "red" ] "value") "value")
  (t "checkListOfEnum-bad" (builtins.tryEval (checkListOfEnum "color" [ "red" ] [ "blue" ] 1)).success false)
  # manual lib.trivial.showWarnings: no warnings returns the result
  (t "showWarnings-none" (showWarnings [ ] 42) 42)
  # manual lib.trivial.importJSON / importTOML: parse a file
  (t "importJSON" (importJSON ./data/sample.json) { name = "hearth"; list = [ 1 2 3 ]; nested.ok = true; })
  (t "importTOML" (importTOML ./data/sample.toml) { title = "hearth"; owner = { name = "me"; age = 3; }; })
  # manual lib.trivial.release: the release of the library
  (t "release" lib.trivial.release "26.11")
  (t "version-prefix" (hasPrefix "26.11" lib.version) true)
  # builtins re-exported by lib.trivial (nixpkgs manual: seq, deepSeq, add, sub, lessThan)
  (t "seq" (seq 1 2) 2)
  (t "deepSeq" (deepSeq [ 1 ] "ok") "ok")
  (t "add" (add 2 3) 5)
  (t "sub" (sub 2 3) (-1))
  (t "lessThan" (lessThan 2 3) true)

  # ---- lib.fixedPoints ----
  # manual lib.fixedPoints.fix example
  (t "fix-example" (fix (self: { foo = "foo"; bar = "bar"; foobar = self.foo + self.bar; }))
    { foo = "foo"; bar = "bar"; foobar = "foobar"; })
  (t "fix-list" (builtins.elemAt (fix (self: [ 1 (builtins.head self + 1) ])) 1) 2)
  # manual lib.fixedPoints.fix': the result carries __unfix__
  (t "fix'-unfix" ((fix' (self: { a = 1; b = self.a + 1; })).__unfix__ { a = 10; }).b 11)
  (t "fix'-value" (removeAttrs (fix' (self: { a = 1; b = self.a + 1; })) [ "__unfix__" ]) { a = 1; b = 2; })
  # manual lib.fixedPoints.converge: iterate until f x == x
  (t "converge" (converge (x: if x > 1 then x / 2 else x) 16) 1)
  # manual lib.fixedPoints.extends examples
  (t "extends-override" (fix (extends (final: prev: { a = prev.a + 10; }) (final: { a = 1; b = final.a + 2; }))) { a = 11; b = 13; })
  (t "extends-final" (fix (extends (final: prev: { b = final.a + 5; }) (final: { a = 1; b = final.a + 2; }))) { a = 1; b = 6; })
  (t "extends-add" (fix (extends (final: prev: { c = final.a + final.b; }) (final: { a = 1; b = final.a + 2; }))) { a = 1; b = 3; c = 4; })
  # manual lib.fixedPoints.composeExtensions: g sees f's result as prev
  (t "composeExtensions" (fix (extends (composeExtensions (final: prev: { a = prev.a + 1; }) (final: prev: { a = prev.a * 10; })) (final: { a = 1; }))) { a = 20; })
  # manual lib.fixedPoints.composeManyExtensions: left to right
  (t "composeManyExtensions" (fix (extends (composeManyExtensions [ (final: prev: { a = prev.a + 1; }) (final: prev: { a = prev.a * 10; }) (final: prev: { b = final.a; }) ]) (final: { a = 1; }))) { a = 20; b = 20; })
  (t "composeManyExtensions-empty" (fix (extends (composeManyExtensions [ ]) (final: { a = 1; }))) { a = 1; })
  # manual lib.fixedPoints.makeExtensible example
  (t "makeExtensible-base" (makeExtensible (final: { a = 1; b = final.a + 2; })).b 3)
  (t "makeExtensible-extend" ((makeExtensible (final: { a = 1; b = final.a + 2; })).extend (final: prev: { a = 10; })).b 12)
  (t "makeExtensible-twice" (((makeExtensible (final: { a = 1; })).extend (final: prev: { a = prev.a + 1; })).extend (final: prev: { a = prev.a * 3; })).a 6)
  # manual lib.fixedPoints.makeExtensibleWithCustomName: the extender has the given name
  (t "makeExtensibleWithCustomName" ((makeExtensibleWithCustomName "myExtend" (final: { a = 1; })).myExtend (final: prev: { a = 2; })).a 2)
  # manual lib.fixedPoints.toExtension examples
  (t "toExtension-attrs" (fix (extends (toExtension { a = 5; }) (final: { a = 1; b = final.a; }))) { a = 5; b = 5; })
  (t "toExtension-prev" (fix (extends (toExtension (prev: { a = prev.a + 1; })) (final: { a = 1; }))) { a = 2; })
  (t "toExtension-overlay" (fix (extends (toExtension (final: prev: { c = final.a + prev.a; })) (final: { a = 1; }))) { a = 1; c = 2; })
  # lib itself is extensible (nixpkgs manual: lib.extend)
  (t "lib-extend" ((lib.extend (final: prev: { answer = 42; })).answer) 42)
  (t "lib-extend-keeps" ((lib.extend (final: prev: { answer = 42; })).concatStringsSep "-" [ "a" "b" ]) "a-b")
]
