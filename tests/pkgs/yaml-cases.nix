# Values for pkgs.formats.yaml, one case each: tests/pkgs/run writes every one with hearth's
# formats.yaml and compares the text byte for byte with PyYAML's
# `safe_dump(json, default_flow_style=False, sort_keys=True, allow_unicode=True)` of the same
# value's builtins.toJSON, then reads hearth's text back with `safe_load`.
let
  u = hex: builtins.fromJSON ''"\u${hex}"''; # a character Nix's string syntax cannot write
  rep = n: s: builtins.concatStringsSep "" (builtins.genList (_: s) n);
  words = n: w: builtins.concatStringsSep " " (builtins.genList (_: w) n);
in
[
  # ---- scalars of every type ----
  { k = "v"; }
  { int = 42; neg = -7; zero = 0; big = 9007199254740993; min = -9223372036854775807; }
  { t = true; f = false; n = null; }
  { a = 1.5; b = 100.0; c = 1.0e16; d = 0.00001; e = 12345678.9; f = -2.5; g = 0.1; h = 1.0e15; }
  { i = 3.14159265358979; j = 1.0e-7; k = 0.0; l = 0.0001; m = 123456.0; n = 1234567.0; o = -1.0e20; }
  # ---- strings that would read back as another type: quoted ----
  [ "true" "false" "yes" "no" "on" "off" "Yes" "NO" "True" "FALSE" "y" "n" "Y" "N" ]
  [ "null" "Null" "NULL" "~" "" "nul" "none" ]
  [ "1" "-1" "+1" "0" "00" "017" "018" "0o17" "0x1F" "0xg" "0b101" "0b2" "1_000" "1:30" "-1:30:59" "1:60" ]
  [ "1.5" "1." ".5" "-.5" "1e5" "1.0e+5" "1.0e5" "1.5E-3" "1_0.5" "1:30.5" ".inf" "-.INF" "+.Inf" ".nan" ".NaN" "inf" "nan" ]
  [ "2001-12-14" "2001-12-14t21:59:43.10-05:00" "2001-12-14 21:59:43.10 -5" "2001-1-2" "2001-1-2T3:04:05Z" "2001-12-14x" "20011214" ]
  [ "=" "<<" "==" "<" "<<<" "!" "&" "*" ]
  # ---- indicators ----
  [ "-" "- a" "-a" "a-" "--" "---" "--- a" "---a" "..." "...a" ".. ." "a - b" ]
  [ "?" "? a" "?a" ":" ": a" ":a" "a:" "a: b" "a:b" "a::b" "http://example.com:8080/x" ]
  [ "[a" "a]" "{a" "a}" "#a" "a #b" "a#b" "a# b" "&a" "*a" "!a" "|a" ">a" "a|b" "a>b" ]
  [ "'a" "a'" "a'b" "\"a" "a\"b" "%a" "a%" "@a" "a@b" "`a" "a`" ",a" "a,b" "a, b" ]
  [ "a ? b" "a !b" "a &b" "a *b" "a [b]" "a {b}" "~a" "a~" "=a" "<<a" "a=b" ]
  # ---- spaces and tabs ----
  [ " a" "a " " " "  " "a  b" "a   b" " a b " "a\tb" "\t" "a\t" "\ta" "a \t" ]
  # ---- line breaks ----
  [ "a\nb" "a\n" "\na" "a\n\nb" "\n" "\n\n" "a\n\n" ]
  { s = "a \nb"; t = "a\n b"; v = "it's\nquoted"; w = "tab\tand\nbreak"; x = "\r\n"; y = "a\rb"; }
  { script = "#!/bin/sh\nset -eu\necho \"hello, world\"\nexit 0\n"; }
  "root\nmulti-line"
  # ---- other characters ----
  [ "héllo" "日本語" "😀" "naïve: yes" "— dash" "a${u "00A0"}b" "${u "00A0"}" "zero${u "200B"}width" ]
  [ (u "0001") "a${u "0007"}b" "${u "0008"}${u "000B"}${u "000C"}" "${u "001B"}[0m" "del${u "007F"}" "\\" "a\\b" "\\n" ]
  [ "${u "0080"}" "c1${u "009F"}" "bom${u "FEFF"}" "${u "FFFE"}" "${u "FFFF"}" "${u "FFFD"}" "😀\t" "a${u "E000"}b" ]
  [ "a${u "2028"}b" "a${u "2029"}b" "${u "2028"}" "${u "0085"}x" "a${u "0085"}" "é\t" "\"quoted\"\t" ]
  # ---- keys ----
  { "" = 1; "a b" = 2; "a: b" = 3; "true" = 4; "1" = 5; "-" = 6; "it's" = 7; "é" = 8; "#c" = 9; }
  { "multi\nline" = 1; "tab\tkey" = 2; " lead" = 3; "null" = 4; "~" = 5; "a\"b" = 6; "[x]" = 7; }
  { "${rep 122 "k"}" = 1; "${rep 123 "k"}" = [ 1 2 ]; "${rep 121 "é"}" = { a = 1; }; "${rep 200 "w "}w" = "x"; }
  { "" = { a = 1; b = [ 1 ]; }; "a\nb" = [ { c = 1; } ]; "x\ny" = [ [ 1 ] ]; }
  # ---- nesting ----
  { a = { b = { c = { d = "deep"; }; }; }; }
  [ { a = 1; b = 2; } { c = [ 1 2 ]; d = { e = 3; }; } ]
  { list = [ { name = "x"; value = [ { deeper = [ 1 { z = null; } ]; } ]; } ]; }
  [ [ 1 [ 2 [ 3 [ ] ] ] ] [ ] { } [ { } ] [ [ ] ] ]
  { empty = { }; none = [ ]; nested = { e = { }; l = [ ]; }; items = [ { } [ ] ]; }
  { a = [ [ "x" "y" ] [ { k = "v"; } ] ]; b = [ { c = [ [ ] ]; } ]; }
  # 100 levels of mappings and sequences, the deepest lines past column 80
  (let
    deep = n:
      if n == 0 then "leaf value, long enough to be folded"
      else if n / 2 * 2 == n then { "k${toString n}" = deep (n - 1); }
      else if n / 3 * 3 == n then [ (deep (n - 1)) "a b\tc" ]
      else [ (deep (n - 1)) ];
  in
  deep 100)
  # ---- root values ----
  "plain"
  "true"
  ""
  42
  null
  true
  1.5
  [ ]
  { }
  [ 1 [ 2 [ 3 ] ] ]
  # ---- long strings: PyYAML folds at 80 columns ----
  { p = words 30 "word"; }
  { quoted = words 20 "it's"; }
  { dq = words 20 "a\tb"; }
  { deep = { deeper = { deepest = [ (words 40 "abc") { k = words 25 "xyz"; } ]; }; }; }
  [ (words 30 "item") (rep 100 "x") "${rep 100 "x"} ${rep 10 "y"}" "${rep 78 "x"}  ${rep 10 "y"}" ]
  { spaces = "${words 15 "abcd"}   ${words 15 "efgh"}"; edge = "${rep 75 "a"} b c d e f g h"; }
  (words 40 "root")
  { ml = "${words 25 "first"}\n${words 25 "second"}\n"; dqml = "${words 20 "tab\t"}\n${words 20 "x"}"; }
  { esc = "${rep 70 "e"}${u "0001"}${u "0001"} ${rep 20 "f"}"; sp = "${rep 78 "s"} \t x"; }
  { "${words 50 "key"}\n" = words 50 "value"; }
  # around column 80: plain, single-quoted and double-quoted, as items and as values
  (builtins.genList (i: "${rep (74 + i) "x"} y z") 10)
  { v = builtins.genList (i: "${rep (74 + i) "x"} y' z") 10; w = builtins.genList (i: "${rep (74 + i) "x"} y\tz z") 10; }
  (builtins.listToAttrs (builtins.genList (i: { name = "k${toString i}"; value = "${rep (72 + i) "x"} y z"; }) 10))
  { "${rep 85 "k"}" = " lead"; "${rep 86 "k"}" = [ "${rep 85 "t"} " "${rep 85 "t"}  " ]; "${rep 90 "k"}" = "x y"; }
  { "${words 24 "key"}" = 1; "${words 22 "it's"}" = 2; "${words 20 "t\tb"}" = 3; }
  # ---- derivations and strings-to-be ----
  { drv = { outPath = "/nix/store/00000000000000000000000000000000-x"; type = "derivation"; }; }
  { s = { __toString = self: "from __toString"; }; l = [ { outPath = "1"; } ]; }
]
