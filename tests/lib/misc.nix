# lib.versions, lib.meta, lib.customisation, lib.asserts, lib.debug,
# lib.stringsWithDeps, lib.filesystem, lib.platforms.  Expected values come
# from nixpkgs lib (26.11) documentation: doc comment examples in the nixpkgs
# manual's reference for each, or the behaviour the docs describe (cited).
{ lib }:
with lib;
let
  t = name: expr: expected: { inherit name expr expected; };
  drv = { type = "derivation"; name = "hello-2.12"; pname = "hello"; outPath = "/store/hello"; meta.mainProgram = "hello-bin"; };
  multiDrv = { type = "derivation"; name = "tool-1.0"; outPath = "/store/tool"; bin = { outPath = "/store/tool-bin"; }; outputs = [ "out" "bin" ]; meta.mainProgram = "tool"; };
  overridable = makeOverridable ({ a, b }: { result = a + b; }) { a = 1; b = 2; };
in
[
  # ---- lib.versions (manual examples) ----
  (t "splitVersion" (versions.splitVersion "1.2.3") [ "1" "2" "3" ])
  (t "major" (versions.major "1.2.3") "1")
  (t "minor" (versions.minor "1.2.3") "2")
  (t "patch" (versions.patch "1.2.3") "3")
  (t "majorMinor" (versions.majorMinor "1.2.3") "1.2")
  (t "majorMinor-short" (versions.majorMinor "1.2") "1.2")
  (t "pad-short" (versions.pad 3 "1.2") "1.2.0")
  (t "pad-suffix" (versions.pad 3 "1.3-rc1") "1.3.0-rc1")
  (t "pad-long" (versions.pad 3 "1.2.3.4") "1.2.3")

  # ---- lib.meta ----
  # manual lib.meta.getExe: <bin output>/bin/<meta.mainProgram>
  (t "getExe-mainProgram" (getExe drv) "/store/hello/bin/hello-bin")
  (t "getExe-bin-output" (getExe multiDrv) "/store/tool-bin/bin/tool")
  # manual lib.meta.getExe' examples
  (t "getExe'-named" (getExe' drv "hello") "/store/hello/bin/hello")
  (t "getExe'-bin-output" (getExe' multiDrv "other") "/store/tool-bin/bin/other")
  (t "getExe'-not-drv" (builtins.tryEval (getExe' "x" "y")).success false)
  (t "getExe'-nested" (builtins.tryEval (getExe' drv "a/b")).success false)
  # manual lib.meta.addMetaAttrs example
  (t "addMetaAttrs" (addMetaAttrs { description = "Bla blah"; } { name = "x"; meta = { a = 1; }; }).meta { a = 1; description = "Bla blah"; })
  (t "dontDistribute" (dontDistribute { name = "x"; }).meta.hydraPlatforms [ ])
  # manual lib.meta.setName / updateName / appendToName
  (t "setName" (setName "new" { name = "old"; }).name "new")
  (t "updateName" (updateName (oldName: oldName + "-experimental") { name = "foo"; }).name "foo-experimental")
  (t "appendToName" (appendToName "wrapped" { name = "foo-1.0"; }).name "foo-wrapped-1.0")
  # manual lib.meta.setPrio / lowPrio / hiPrio: meta.priority 10 / -10
  (t "setPrio" (setPrio 7 { name = "x"; }).meta.priority 7)
  (t "lowPrio" (lowPrio { name = "x"; }).meta.priority 10)
  (t "hiPrio" (hiPrio { name = "x"; }).meta.priority (-10))
  (t "lowPrioSet" (mapAttrs (n: v: v.meta.priority or null) (lowPrioSet { a = drv; b = 1; })) { a = 10; b = null; })
  (t "defaultPriority" lib.meta.defaultPriority 5)
  # manual lib.meta.platformMatch example
  (t "platformMatch" (lib.meta.platformMatch { system = "aarch64-darwin"; } "aarch64-darwin") true)
  (t "platformMatch-false" (lib.meta.platformMatch { system = "x86_64-linux"; } "aarch64-darwin") false)
  # manual lib.meta.availableOn
  (t "availableOn-no-platforms" (lib.meta.availableOn { system = "x86_64-linux"; } { }) true)
  (t "availableOn-listed" (lib.meta.availableOn { system = "x86_64-linux"; } { meta.platforms = platforms.linux; }) true)
  (t "availableOn-unlisted" (lib.meta.availableOn { system = "x86_64-linux"; } { meta.platforms = platforms.darwin; }) false)
  (t "availableOn-bad" (lib.meta.availableOn { system = "x86_64-linux"; } { meta.badPlatforms = [ "x86_64-linux" ]; }) false)
  # manual lib.meta.getLicenseFromSpdxId / getLicenseFromSpdxIdOr examples
  (t "getLicenseFromSpdxId-MIT" (getLicenseFromSpdxId "MIT" == licenses.mit) true)
  (t "getLicenseFromSpdxId-case" (getLicenseFromSpdxIdOr "mIt" null == licenses.mit) true)
  (t "getLicenseFromSpdxIdOr-default" (getLicenseFromSpdxIdOr "MY LICENSE" null) null)
  (t "getLicenseFromSpdxIdOr-free" (getLicenseFromSpdxIdOr "MY LICENSE" licenses.free == licenses.free) true)
  # manual lib.meta.cpeFullVersionWithVendor / cpePatchVersionInUpdateWithVendor examples
  (t "cpeFullVersionWithVendor" (lib.meta.cpeFullVersionWithVendor "gnu" "1.2.3") { vendor = "gnu"; version = "1.2.3"; update = "*"; })
  (t "cpePatchVersionInUpdateWithVendor" (lib.meta.cpePatchVersionInUpdateWithVendor "gnu" "1.2.3") { vendor = "gnu"; version = "1.2"; update = "3"; })
  (t "tryCPEPatchVersionInUpdateWithVendor-ok" (lib.meta.tryCPEPatchVersionInUpdateWithVendor "gnu" "1.2.3") { success = true; value = { vendor = "gnu"; version = "1.2"; update = "3"; }; })
  (t "tryCPEPatchVersionInUpdateWithVendor-bad" (lib.meta.tryCPEPatchVersionInUpdateWithVendor "gnu" "5.3p0")
    { success = false; error = "version 5.3p0 doesn't match regex `([0-9]+\\.[0-9]+)\\.([0-9]+)`"; })

  # ---- lib.customisation ----
  # manual lib.customisation.makeOverridable example
  (t "makeOverridable-result" overridable.result 3)
  (t "makeOverridable-override" (overridable.override { a = 10; }).result 12)
  (t "makeOverridable-override-fn" (overridable.override (old: { b = old.b * 10; })).result 21)
  (t "makeOverridable-chain" ((overridable.override { a = 10; }).override { b = 5; }).result 15)
  (t "makeOverridable-names" (attrNames overridable) [ "override" "overrideDerivation" "result" ])
  (t "makeOverridable-functionArgs" (functionArgs (makeOverridable ({ a, b ? 1 }: a))) { a = false; b = true; })
  (t "makeOverridable-nonattrs" (makeOverridable ({ a }: a + 1) { a = 1; }) 2)
  (t "makeOverridable-function-result" ((makeOverridable ({ a }: x: x + a) { a = 1; }).override { a = 5; } 1) 6)
  # manual lib.customisation.callPackageWith: arguments from autoArgs, explicit ones win
  (t "callPackageWith-auto" (callPackageWith { a = 1; b = 2; unused = 9; } ({ a, b }: { sum = a + b; }) { }).sum 3)
  (t "callPackageWith-explicit" (callPackageWith { a = 1; b = 2; } ({ a, b }: { sum = a + b; }) { b = 10; }).sum 11)
  (t "callPackageWith-default" (callPackageWith { a = 1; } ({ a, c ? 5 }: { sum = a + c; }) { }).sum 6)
  (t "callPackageWith-override" ((callPackageWith { a = 1; b = 2; } ({ a, b }: { sum = a + b; }) { }).override { a = 100; }).sum 102)
  (t "callPackageWith-file" (callPackageWith { x = 4; } ./data/pkg.nix { }).doubled 8)
  # manual lib.customisation.callPackagesWith: each attribute overridable
  (t "callPackagesWith" (mapAttrs (n: v: v.v) (callPackagesWith { a = 1; } ({ a }: { p = { v = a; }; q = { v = a + 1; }; }) { })) { p = 1; q = 2; })
  (t "callPackagesWith-override" ((callPackagesWith { a = 1; } ({ a }: { p = { v = a; }; }) { }).p.override { a = 7; }).v 7)
  # manual lib.customisation.makeScope: callPackage sees the scope's own packages
  (t "makeScope" (let s = makeScope (extra: callPackageWith ({ inherit (s) base; } // extra)) (self: { base = 2; twice = self.callPackage ({ base }: base * 2) { }; }); in s.twice) 4)
  (t "makeScope-overrideScope" (let s = makeScope (extra: callPackageWith extra) (self: { base = 2; double = self.base * 2; }); in (s.overrideScope (final: prev: { base = 5; })).double) 10)

  # ---- lib.asserts ----
  # manual lib.asserts.assertMsg: true when the predicate holds, else throws msg
  (t "assertMsg-true" (assertMsg true "never") true)
  (t "assertMsg-false" (builtins.tryEval (assertMsg false "boom")).success false)
  (t "assertMsg-in-assert" (assert assertMsg (1 == 1) "never"; "ok") "ok")
  # manual lib.asserts.assertOneOf example
  (t "assertOneOf-true" (assertOneOf "foo" "bar" [ "bar" "baz" ]) true)
  (t "assertOneOf-false" (builtins.tryEval (assertOneOf "foo" "foo" [ "bar" "baz" ])).success false)
  (t "assertEachOneOf-true" (lib.asserts.assertEachOneOf "foo" [ "bar" ] [ "bar" "baz" ]) true)

  # ---- lib.debug ----
  # manual lib.debug.traceIf / traceVal / traceSeq: return their value
  (t "traceIf-false" (traceIf false "never" 5) 5)
  (t "traceVal" (traceVal 5) 5)
  (t "traceValFn" (traceValFn (v: "got ${toString v}") 5) 5)
  (t "traceSeq" (traceSeq { a = 1; } "result") "result")
  (t "traceSeqN" (traceSeqN 1 { a = { b = 1; }; } "result") "result")
  (t "traceValSeq" (traceValSeq [ 1 2 ]) [ 1 2 ])
  (t "traceValSeqN" (traceValSeqN 2 { a = 1; }) { a = 1; })
  # manual lib.debug.runTests: failing tests as { name, expected, result }
  (t "runTests" (runTests { testOk = { expr = 1; expected = 1; }; testBad = { expr = 1; expected = 2; }; notATest = { expr = 1; expected = 3; }; })
    [ { name = "testBad"; expected = 2; result = 1; } ])
  (t "runTests-selected" (runTests { tests = [ "testA" ]; testA = { expr = 1; expected = 2; }; testB = { expr = 1; expected = 3; }; })
    [ { name = "testA"; expected = 2; result = 1; } ])
  # manual lib.debug.testAllTrue
  (t "testAllTrue" (testAllTrue [ true (1 == 1) ]) { expr = [ true true ]; expected = [ true true ]; })

  # ---- lib.stringsWithDeps ----
  # manual lib.stringsWithDeps: dependencies come first, each entry once
  (t "textClosureList" (textClosureList { a = stringAfter [ "b" ] "A"; b = noDepEntry "B"; c = stringAfter [ "a" "b" ] "C"; } [ "c" ]) [ "B" "A" "C" ])
  (t "textClosureMap" (textClosureMap toLower { a = fullDepEntry "A" [ "b" ]; b = noDepEntry "B"; } [ "a" "b" ]) "b\na")
  (t "packEntry" (packEntry [ "x" ]) { deps = [ "x" ]; text = ""; })
  (t "fullDepEntry" (fullDepEntry "t" [ "d" ]) { text = "t"; deps = [ "d" ]; })

  # ---- lib.filesystem ----
  # manual lib.filesystem.pathType / pathIsDirectory / pathIsRegularFile
  (t "pathType-dir" (pathType ./data) "directory")
  (t "pathType-file" (pathType ./data/sample.json) "regular")
  (t "pathIsDirectory-true" (pathIsDirectory ./data) true)
  (t "pathIsDirectory-file" (pathIsDirectory ./data/sample.json) false)
  (t "pathIsDirectory-missing" (pathIsDirectory ./data/missing) false)
  (t "pathIsRegularFile-true" (pathIsRegularFile ./data/sample.json) true)
  (t "pathIsRegularFile-dir" (pathIsRegularFile ./data) false)
  # manual lib.filesystem.listFilesRecursive: every file below the directory
  (t "listFilesRecursive" (map (p: lib.removePrefix (toString ./data/tree) (toString p)) (lib.filesystem.listFilesRecursive ./data/tree)) [ "/a.txt" "/sub/b.txt" ])

  # ---- lib.platforms ----
  # nixpkgs manual meta.platforms: lib.platforms.linux / darwin lists of systems
  (t "platforms-linux" (elem "x86_64-linux" platforms.linux) true)
  (t "platforms-darwin" (elem "aarch64-darwin" platforms.darwin) true)
  (t "platforms-unix" (all (s: elem s platforms.unix) [ "x86_64-linux" "aarch64-darwin" ]) true)

  # ---- lib.derivations ----
  # manual lib.derivations.optionalDrvAttr
  (t "optionalDrvAttr-true" (optionalDrvAttr true "v") "v")
  (t "optionalDrvAttr-false" (optionalDrvAttr false "v") null)
]
