# lib.strings.  Expected values come from the doc comment examples of nixpkgs
# lib (26.11) in the nixpkgs manual's "lib.strings" reference, or the
# behaviour those docs describe (cited per case).
{ lib }:
with lib;
let
  t = name: expr: expected: { inherit name expr expected; };
in
[
  # manual lib.strings.concatStrings example
  (t "concatStrings-example" (concatStrings [ "foo" "bar" ]) "foobar")
  (t "concatStrings-empty" (concatStrings [ ]) "")
  # manual lib.strings.concatMapStrings example
  (t "concatMapStrings-example" (concatMapStrings (x: "a" + x) [ "foo" "bar" ]) "afooabar")
  # manual lib.strings.concatImapStrings example
  (t "concatImapStrings-example" (concatImapStrings (pos: x: "${toString pos}-${x}") [ "foo" "bar" ]) "1-foo2-bar")
  # manual lib.strings.intersperse example
  (t "intersperse-example" (intersperse "/" [ "usr" "local" "bin" ]) [ "usr" "/" "local" "/" "bin" ])
  (t "intersperse-one" (intersperse "/" [ "usr" ]) [ "usr" ])
  (t "intersperse-empty" (intersperse "/" [ ]) [ ])
  # manual lib.strings.concatStringsSep example
  (t "concatStringsSep-example" (concatStringsSep "/" [ "usr" "local" "bin" ]) "usr/local/bin")
  # manual lib.strings.concatMapStringsSep example
  (t "concatMapStringsSep-example" (concatMapStringsSep "-" (x: toUpper x) [ "foo" "bar" "baz" ]) "FOO-BAR-BAZ")
  # manual lib.strings.concatImapStringsSep example
  (t "concatImapStringsSep-example" (concatImapStringsSep "-" (pos: x: toString (x / pos)) [ 6 6 6 ]) "6-3-2")
  # manual lib.strings.concatMapAttrsStringSep example
  (t "concatMapAttrsStringSep-example" (concatMapAttrsStringSep "\n" (name: value: "${name}: foo-${value}") { a = "0.1.0"; b = "0.2.0"; }) "a: foo-0.1.0\nb: foo-0.2.0")
  # manual lib.strings.concatLines example
  (t "concatLines-example" (concatLines [ "foo" "bar" ]) "foo\nbar\n")
  (t "concatLines-empty" (concatLines [ ]) "")
  # manual lib.strings.replaceString example
  (t "replaceString-example" (replaceString "world" "Nix" "Hello, world!") "Hello, Nix!")
  (t "replaceStrings" (replaceStrings [ "a" "b" ] [ "b" "c" ] "ab") "bc")
  # manual lib.strings.replicate example
  (t "strings-replicate" (lib.strings.replicate 3 "v") "vvv")
  (t "strings-replicate-hello" (lib.strings.replicate 5 "hello") "hellohellohellohellohello")
  # manual lib.strings.trim examples
  (t "trim-fnord" (trim "   fnord   ") "fnord")
  (t "trim-hello" (trim "  hello, world! ") "hello, world!")
  (t "trim-blank" (trim "   ") "")
  (t "trim-tabs-newlines" (trim "\t a b \n") "a b")
  # manual lib.strings.trimWith examples
  (t "trimWith-start" (trimWith { start = true; } "   hello, world! ") "hello, world! ")
  (t "trimWith-end" (trimWith { end = true; } "   hello, world! ") "   hello, world!")
  (t "trimWith-none" (trimWith { } "  x  ") "  x  ")
  # manual lib.strings.makeSearchPath examples
  (t "makeSearchPath-example" (makeSearchPath "bin" [ "/root" "/usr" "/usr/local" ]) "/root/bin:/usr/bin:/usr/local/bin")
  (t "makeSearchPath-empty-string" (makeSearchPath "bin" [ "" ]) "/bin")
  (t "makeSearchPath-null" (makeSearchPath "bin" [ null "/a" ]) "/a/bin")
  # manual lib.strings.makeSearchPathOutput / makeLibraryPath / makeBinPath / makeIncludePath
  (t "makeSearchPathOutput" (makeSearchPathOutput "dev" "bin" [ { dev = "/d"; out = "/o"; } { out = "/o2"; } ]) "/d/bin:/o2/bin")
  (t "makeLibraryPath" (makeLibraryPath [ "/root" "/usr" "/usr/local" ]) "/root/lib:/usr/lib:/usr/local/lib")
  (t "makeBinPath" (makeBinPath [ "/root" "/usr" "/usr/local" ]) "/root/bin:/usr/bin:/usr/local/bin")
  (t "makeIncludePath" (makeIncludePath [ { dev = "/d"; } ]) "/d/include")
  # manual lib.strings.normalizePath example
  (t "normalizePath-example" (normalizePath "/a//b///c/") "/a/b/c/")
  # manual lib.strings.optionalString examples
  (t "optionalString-true" (optionalString true "some-string") "some-string")
  (t "optionalString-false" (optionalString false "some-string") "")
  # manual lib.strings.hasPrefix examples
  (t "hasPrefix-true" (hasPrefix "foo" "foobar") true)
  (t "hasPrefix-false" (hasPrefix "foo" "barfoo") false)
  (t "hasPrefix-empty" (hasPrefix "" "x") true)
  # manual lib.strings.hasSuffix examples
  (t "hasSuffix-true" (hasSuffix "foo" "barfoo") true)
  (t "hasSuffix-false" (hasSuffix "foo" "foobar") false)
  (t "hasSuffix-longer" (hasSuffix "foobar" "bar") false)
  # manual lib.strings.hasInfix examples
  (t "hasInfix-true" (hasInfix "bc" "abcd") true)
  (t "hasInfix-false" (hasInfix "ab" "bcd") false)
  (t "hasInfix-regex-chars" (hasInfix "a.b" "xa.by") true)
  (t "hasInfix-regex-chars-false" (hasInfix "a.b" "xacby") false)
  # manual lib.strings.stringToCharacters examples
  (t "stringToCharacters-empty" (stringToCharacters "") [ ])
  (t "stringToCharacters-abc" (stringToCharacters "abc") [ "a" "b" "c" ])
  (t "stringToCharacters-escaped" (stringToCharacters "ab\n") [ "a" "b" "\n" ])
  # manual lib.strings.stringAsChars example
  (t "stringAsChars-example" (stringAsChars (x: if x == "a" then "i" else x) "nax") "nix")
  # manual lib.strings.charToInt example
  (t "charToInt-A" (lib.strings.charToInt "A") 65)
  (t "charToInt-paren" (lib.strings.charToInt "(") 40)
  # manual lib.strings.escape example
  (t "escape-example" (escape [ "(" ")" ] "(foo)") "\\(foo\\)")
  # manual lib.strings.escapeC example
  (t "escapeC-example" (escapeC [ " " ] "foo bar") "foo\\x20bar")
  # manual lib.strings.escapeURL example
  (t "escapeURL-example" (escapeURL "foo/bar baz") "foo%2Fbar%20baz")
  (t "escapeURL-unreserved" (escapeURL "A-z_0.9~") "A-z_0.9~")
  (t "escapeURL-specials" (escapeURL "?&=#+%") "%3F%26%3D%23%2B%25")
  # manual lib.strings.escapeShellArg examples
  (t "escapeShellArg-example" (escapeShellArg "esc'ape\nme") "'esc'\\''ape\nme'")
  (t "escapeShellArg-safe" (escapeShellArg "foo") "foo")
  (t "escapeShellArg-space" (escapeShellArg "foo bar") "'foo bar'")
  (t "escapeShellArg-empty" (escapeShellArg "") "''")
  (t "escapeShellArg-int" (escapeShellArg 42) "42")
  (t "escapeShellArg-path-chars" (escapeShellArg "/a/b-c_d.e:f@g%h+i,j") "/a/b-c_d.e:f@g%h+i,j")
  (t "escapeShellArg-dollar" (escapeShellArg "$HOME") "'$HOME'")
  # manual lib.strings.escapeShellArgs example
  (t "escapeShellArgs-example" (escapeShellArgs [ "one" "two three" "four'five" ]) "one 'two three' 'four'\\''five'")
  # manual lib.strings.isValidPosixName examples
  (t "isValidPosixName-true" (isValidPosixName "foo_bar000") true)
  (t "isValidPosixName-false" (isValidPosixName "0-bad.jpg") false)
  # manual lib.strings.toShellVar examples
  (t "toShellVar-string" (toShellVar "foo" "some string") "foo='some string'")
  (t "toShellVar-list" (toShellVar "arr" [ "a b" "c" ]) "declare -a arr=('a b' c)")
  (t "toShellVar-attrs" (toShellVar "map" { k = "v w"; }) "declare -A map=([k]='v w')")
  (t "toShellVar-derivation-like" (toShellVar "p" { outPath = "/nix/store/x"; }) "p=/nix/store/x")
  # manual lib.strings.toShellVars example
  (t "toShellVars-lines" (toShellVars { foo = "bar"; baz = [ "1" "2" ]; }) "declare -a baz=(1 2)\nfoo=bar")
  # manual lib.strings.escapeNixString example
  (t "escapeNixString-example" (lib.strings.escapeNixString "hello\${}\n") "\"hello\\\${}\\n\"")
  # manual lib.strings.escapeRegex example
  (t "escapeRegex-example" (escapeRegex "[^a-z]*") "\\[\\^a-z]\\*")
  # manual lib.strings.escapeNixIdentifier examples (keywords are quoted too)
  (t "escapeNixIdentifier-keyword" (lib.strings.escapeNixIdentifier "if") "\"if\"")
  (t "escapeNixIdentifier-plain" (lib.strings.escapeNixIdentifier "hello") "hello")
  (t "escapeNixIdentifier-digit" (lib.strings.escapeNixIdentifier "0abc") "\"0abc\"")
  (t "escapeC-padded" (escapeC [ "\t" ] "a\tb") "a\\x09b")
  # manual lib.strings.toCamelCase examples
  (t "toCamelCase-kebab" (lib.strings.toCamelCase "hello-world") "helloWorld")
  (t "toCamelCase-snake" (lib.strings.toCamelCase "hello_world") "helloWorld")
  (t "toCamelCase-space" (lib.strings.toCamelCase "hello world") "helloWorld")
  (t "toCamelCase-pascal" (lib.strings.toCamelCase "HelloWorld") "helloWorld")
  # manual lib.strings.splitStringBy examples
  (t "splitStringBy-seps" (lib.strings.splitStringBy (prev: curr: builtins.elem curr [ "." "-" ]) false "foo.bar-baz") [ "foo" "bar" "baz" ])
  (t "splitStringBy-case" (lib.strings.splitStringBy (prev: curr: builtins.match "[a-z]" prev != null && builtins.match "[A-Z]" curr != null) true "fooBarBaz") [ "foo" "Bar" "Baz" ])
  (t "splitStringBy-leading" (lib.strings.splitStringBy (prev: curr: builtins.elem curr [ "." ]) false ".foo.bar.baz") [ "" "foo" "bar" "baz" ])
  (t "splitStringBy-trailing" (lib.strings.splitStringBy (prev: curr: builtins.elem curr [ "." ]) false "foo.bar.baz.") [ "foo" "bar" "baz" "" ])
  # manual lib.strings.join example
  (t "join-example" (lib.strings.join ", " [ "foo" "bar" ]) "foo, bar")
  # manual lib.strings.replaceString second example
  (t "replaceString-dots" (replaceString "." "_" "v1.2.3") "v1_2_3")
  # manual lib.strings.hasInfix examples
  (t "hasInfix-prefix" (hasInfix "ab" "abcd") true)
  (t "hasInfix-suffix" (hasInfix "cd" "abcd") true)
  (t "hasInfix-none" (hasInfix "foo" "abcd") false)
  # manual lib.strings.mesonBool / mesonEnable second examples
  (t "mesonBool-static" (mesonBool "static" false) "-Dstatic=false")
  (t "mesonEnable-savage" (mesonEnable "savage" false) "-Dsavage=disabled")
  # manual lib.strings.makeLibraryPath / makeIncludePath examples
  (t "makeLibraryPath-usr" (makeLibraryPath [ "/usr" "/usr/local" ]) "/usr/lib:/usr/local/lib")
  (t "makeIncludePath-usr" (makeIncludePath [ "/usr" "/usr/local" ]) "/usr/include:/usr/local/include")
  # manual lib.strings.toIntBase10: zero-padded zero
  (t "toIntBase10-zeros-only" (toIntBase10 "0000") 0)
  # manual lib.strings.escapeXML example
  (t "escapeXML-example" (escapeXML ''"test" 'test' < & >'') "&quot;test&quot; &apos;test&apos; &lt; &amp; &gt;")
  # manual lib.strings.toLower / toUpper examples
  (t "toLower-example" (toLower "HOME") "home")
  (t "toUpper-example" (toUpper "home") "HOME")
  (t "toUpper-mixed" (toUpper "a1-b") "A1-B")
  # manual lib.strings.toSentenceCase example
  (t "toSentenceCase-example" (toSentenceCase "home") "Home")
  (t "toSentenceCase-upper" (toSentenceCase "hELLO wORLD") "Hello world")
  (t "toSentenceCase-empty" (toSentenceCase "") "")
  # manual lib.strings.addContextFrom: target keeps its text
  (t "addContextFrom" (addContextFrom "a" "foo") "foo")
  # manual lib.strings.splitString examples
  (t "splitString-dots" (splitString "." "foo.bar.baz") [ "foo" "bar" "baz" ])
  (t "splitString-slash" (splitString "/" "/usr/local/bin") [ "" "usr" "local" "bin" ])
  (t "splitString-none" (splitString "," "abc") [ "abc" ])
  (t "splitString-multi" (splitString ", " "a, b, c") [ "a" "b" "c" ])
  # manual lib.strings.removePrefix examples
  (t "removePrefix-match" (removePrefix "foo." "foo.bar.baz") "bar.baz")
  (t "removePrefix-nomatch" (removePrefix "xxx" "foo.bar.baz") "foo.bar.baz")
  # manual lib.strings.removeSuffix examples
  (t "removeSuffix-match" (removeSuffix "front" "homefront") "home")
  (t "removeSuffix-nomatch" (removeSuffix "xxx" "homefront") "homefront")
  # manual lib.strings.versionOlder examples
  (t "versionOlder-true" (versionOlder "1.1" "1.2") true)
  (t "versionOlder-false" (versionOlder "1.1" "1.1") false)
  # manual lib.strings.versionAtLeast examples
  (t "versionAtLeast-greater" (versionAtLeast "1.1" "1.0") true)
  (t "versionAtLeast-equal" (versionAtLeast "1.1" "1.1") true)
  (t "versionAtLeast-less" (versionAtLeast "1.1" "1.2") false)
  (t "versionAtLeast-numeric" (versionAtLeast "2.10" "2.9") true)
  # manual lib.strings.getName / getVersion examples
  (t "getName-string" (getName "youtube-dl-2016.01.01") "youtube-dl")
  (t "getName-pkg" (getName { name = "youtube-dl-2016.01.01"; }) "youtube-dl")
  (t "getName-pname" (getName { pname = "hello"; name = "hello-2.12"; }) "hello")
  (t "getVersion-string" (getVersion "youtube-dl-2016.01.01") "2016.01.01")
  (t "getVersion-pkg" (getVersion { name = "youtube-dl-2016.01.01"; }) "2016.01.01")
  # manual lib.strings.nameFromURL examples
  (t "nameFromURL-nix" (nameFromURL "https://nixos.org/releases/nix/nix-1.7/nix-1.7-x86_64-linux.tar.bz2" "-") "nix")
  (t "nameFromURL-dot" (nameFromURL "https://nixos.org/releases/nix/nix-1.7/nix-1.7-x86_64-linux.tar.bz2" "_") "nix-1.7-x86")
  # manual lib.strings.cmakeOptionType / cmakeBool / cmakeFeature examples
  # (the cmakeBool doc example drops an underscore from the name; the
  # documented form "-D<condition>={TRUE,FALSE}" keeps it)
  (t "cmakeOptionType-example" (cmakeOptionType "string" "ENGINE" "sdl2") "-DENGINE:STRING=sdl2")
  (t "cmakeBool-example" (cmakeBool "ENABLE_STATIC_LIBS" false) "-DENABLE_STATIC_LIBS:BOOL=FALSE")
  (t "cmakeFeature-example" (cmakeFeature "MODULES" "badblock") "-DMODULES:STRING=badblock")
  # manual lib.strings.mesonOption / mesonBool / mesonEnable examples
  (t "mesonOption-example" (mesonOption "engine" "opengl") "-Dengine=opengl")
  (t "mesonBool-true" (mesonBool "with_x11" true) "-Dwith_x11=true")
  (t "mesonBool-false" (mesonBool "with_x11" false) "-Dwith_x11=false")
  (t "mesonEnable-true" (mesonEnable "docs" true) "-Ddocs=enabled")
  (t "mesonEnable-false" (mesonEnable "docs" false) "-Ddocs=disabled")
  # manual lib.strings.enableFeature / enableFeatureAs / withFeature / withFeatureAs examples
  (t "enableFeature-true" (enableFeature true "shared") "--enable-shared")
  (t "enableFeature-false" (enableFeature false "shared") "--disable-shared")
  (t "enableFeatureAs-true" (enableFeatureAs true "shared" "foo") "--enable-shared=foo")
  (t "enableFeatureAs-false" (enableFeatureAs false "shared" (throw "ignored")) "--disable-shared")
  (t "withFeature-true" (withFeature true "shared") "--with-shared")
  (t "withFeature-false" (withFeature false "shared") "--without-shared")
  (t "withFeatureAs-true" (withFeatureAs true "shared" "foo") "--with-shared=foo")
  (t "withFeatureAs-false" (withFeatureAs false "shared" (throw "ignored")) "--without-shared")
  # manual lib.strings.fixedWidthString / fixedWidthNumber examples
  (t "fixedWidthString-example" (fixedWidthString 5 "0" (toString 15)) "00015")
  (t "fixedWidthString-exact" (fixedWidthString 3 "0" "abc") "abc")
  (t "fixedWidthNumber-example" (fixedWidthNumber 5 15) "00015")
  # manual lib.strings.floatToString example
  (t "floatToString-example" (lib.strings.floatToString 0.000001) "0.000001")
  # manual lib.strings.isStringLike / isConvertibleWithToString
  (t "isStringLike-string" (isStringLike "a") true)
  (t "isStringLike-path" (isStringLike ./strings.nix) true)
  (t "isStringLike-outPath" (isStringLike { outPath = "x"; }) true)
  (t "isStringLike-toString" (isStringLike { __toString = self: "x"; }) true)
  (t "isStringLike-int" (isStringLike 1) false)
  (t "isConvertibleWithToString-int" (lib.strings.isConvertibleWithToString 1) true)
  (t "isConvertibleWithToString-list" (lib.strings.isConvertibleWithToString [ 1 "a" null ]) true)
  (t "isConvertibleWithToString-attrs" (lib.strings.isConvertibleWithToString { }) false)
  # manual lib.strings.isStorePath examples (relative to builtins.storeDir)
  (t "isStorePath-file" (isStorePath "${builtins.storeDir}/d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11/bin/python") false)
  (t "isStorePath-path" (isStorePath "${builtins.storeDir}/d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11") true)
  (t "isStorePath-relative" (isStorePath "d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11") false)
  (t "isStorePath-int" (isStorePath 1) false)
  # manual lib.strings.toInt examples
  (t "toInt-1337" (toInt "1337") 1337)
  (t "toInt-negative" (toInt "-4") (-4))
  (t "toInt-spaces" (toInt " 123 ") 123)
  (t "toInt-zero" (toInt "0") 0)
  (t "toInt-leading-zero-fails" (builtins.tryEval (toInt "00024")).success false)
  (t "toInt-float-fails" (builtins.tryEval (toInt "3.14")).success false)
  # manual lib.strings.toIntBase10 examples
  (t "toIntBase10-1337" (toIntBase10 "1337") 1337)
  (t "toIntBase10-negative" (toIntBase10 "-4") (-4))
  (t "toIntBase10-spaces" (toIntBase10 " 123 ") 123)
  (t "toIntBase10-zeros" (toIntBase10 "00024") 24)
  (t "toIntBase10-float-fails" (builtins.tryEval (toIntBase10 "3.14")).success false)
  # manual lib.strings.fileContents: file without the trailing newline
  (t "fileContents" (fileContents ./data/two-lines.txt) "first line\nsecond line")
  # manual lib.strings.sanitizeDerivationName examples
  (t "sanitizeDerivationName-example" (lib.strings.sanitizeDerivationName "../hello.bar # foo") "-hello.bar-foo")
  (t "sanitizeDerivationName-empty" (lib.strings.sanitizeDerivationName "") "unknown")
  (t "sanitizeDerivationName-ok" (lib.strings.sanitizeDerivationName "hello-2.12") "hello-2.12")
  # manual lib.strings.levenshtein examples
  (t "levenshtein-same" (lib.strings.levenshtein "foo" "foo") 0)
  (t "levenshtein-book" (lib.strings.levenshtein "book" "hook") 1)
  (t "levenshtein-hello" (lib.strings.levenshtein "hello" "Heyo") 3)
  # manual lib.strings.commonPrefixLength / commonSuffixLength examples
  (t "commonPrefixLength" (lib.strings.commonPrefixLength "foo" "fob") 2)
  (t "commonSuffixLength" (lib.strings.commonSuffixLength "test" "rest") 3)
  # manual lib.strings.levenshteinAtMost examples
  (t "levenshteinAtMost-0" (lib.strings.levenshteinAtMost 0 "foo" "foo") true)
  (t "levenshteinAtMost-1" (lib.strings.levenshteinAtMost 1 "foo" "boa") false)
  (t "levenshteinAtMost-2" (lib.strings.levenshteinAtMost 2 "foo" "boa") true)
  (t "levenshteinAtMost-sentence-2" (lib.strings.levenshteinAtMost 2 "This is a sentence" "this is a sentense.") false)
  (t "levenshteinAtMost-sentence-3" (lib.strings.levenshteinAtMost 3 "This is a sentence" "this is a sentense.") true)
  # builtins re-exported by lib.strings (nixpkgs manual)
  (t "stringLength" (stringLength "hello") 5)
  (t "substring" (substring 1 3 "hello") "ell")
  (t "isString" (isString "x") true)
  (t "match" (match "a(b)c" "abc") [ "b" ])
  (t "split" (split "(b)" "abc") [ "a" [ "b" ] "c" ])
  (t "lowerChars-length" (builtins.length lowerChars) 26)
  (t "upperChars-first" (builtins.head upperChars) "A")
]
