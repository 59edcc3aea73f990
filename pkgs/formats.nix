# pkgs.formats: settings types and file generators, as Home Manager's modules call them:
# `(pkgs.formats.X { }).type` for an option's type, `.generate NAME VALUE` for the file (a
# derivation made with writeText, so it is built in hearth's store).
#
# Owns: json (jq's layout: two spaces, one element per line, as nixpkgs pipes toJSON through
# jq), yaml (below), ini, keyValue, toml (tables as [a.b], lists of tables as [[a]], keys quoted
# when not bare).
#
# yaml: nixpkgs writes the value's JSON through remarshal, i.e. a Python YAML library in block
# style. hearth writes, byte for byte, what PyYAML writes for that JSON with
# `yaml.safe_dump(value, default_flow_style=False, sort_keys=True, allow_unicode=True)`
# (tests/pkgs checks it against PyYAML itself): a port of PyYAML's emitter (emitter.py) for the
# values JSON has.
#   - Mappings are `key: value` lines, keys sorted (by code point, as Nix sorts attribute
#     names), nested mappings indented by two spaces; sequences are `- item` lines at the same
#     indentation as their parent key; an item that is a mapping or a sequence starts on the
#     `- ` line (`- a: 1` then `  b: 2`, `- - 1`). Empty ones are `{}` and `[]`.
#   - null, true, false and integers as JSON writes them. A float is first written by
#     builtins.toJSON, as nixpkgs does (Nix's toJSON keeps 6 significant digits, and writes an
#     integral float such as 100.0 as `100`, which the JSON reader then takes as an integer);
#     then as Python's repr of that number (`12345700.0`, `1.0e+16`, `1.0e-05`: PyYAML adds
#     `.0` before an exponent). Infinities and NaN have no JSON form: not supported.
#   - A string is plain when PyYAML would write it plain: not when it would read back as
#     another type under YAML 1.1's resolvers (`true`, `yes`, `off`, `null`, `~`, `1`, `0x1F`,
#     `1_000`, `1:30`, `1.5`, `.inf`, `2001-12-14`, `=`, `<<`, `""`), starts or ends with a
#     space or line break, starts with an indicator (`-`, `?`, `:` before a space; any of
#     ``#,[]{}&*!|>'"%@` ``; `---`, `...`), contains `: ` or ` #`, has a line break or a
#     character that is not printable. Otherwise it is single-quoted (`'` doubled) when it can
#     be, and double-quoted with PyYAML's escapes (`\t`, `\e`, `\x01`, `\uFEFF`, and `\U0001F600`
#     for characters past U+FFFF) when it has a character that is not printable (a tab, a
#     control character), a space before a line break or a space after one. Printable
#     non-ASCII characters are written as they are (allow_unicode).
#   - Multi-line strings are written as PyYAML writes them (it never picks `|`): single-quoted
#     over several lines, each line break written as an empty line, so "a\nb" is `'a`, an
#     empty line, `  b'`; or double-quoted with `\n` when they need escapes.
#   - Long strings are folded as PyYAML folds them at its default width, 80 columns (the call
#     above sets no width): plain and single-quoted ones at a single space once the line is past
#     column 80, double-quoted ones with a `\` ending the line. Keys are never folded; a key
#     that is empty, has a line break or is longer than 122 characters is written as PyYAML
#     writes it, as `? key` then `: value`.
#   - A value with `outPath` (a derivation) or `__toString` is its string, a path is copied to
#     the store and is its store path (as toJSON does); the text keeps their string context.
#   - A document that is a single plain scalar ends with `...`, as PyYAML's does.
# Left out: nothing known for the values JSON has. Strings must be UTF-8 (and Nix strings cannot
# hold NUL). For a string with U+0085 (NEL), hearth writes PyYAML's bytes, which PyYAML itself
# does not read back as the same string (tests/pkgs notes it). Strings are written character by
# character as PyYAML's writer loops do, except short printable ones that are plain (most):
# a 100 KB string takes about a second.
{ lib, writeText }:

let
  inherit (lib) types concatMapStringsSep concatStrings mapAttrsToList filterAttrs;
  inherit (builtins) isAttrs isList toJSON match;

  # JSON as `jq .` prints it.
  prettyJSON = v:
    let
      go = ind: v:
        let ind' = ind + "  "; in
        if isAttrs v && !(v ? outPath) then
          if v == { } then "{}"
          else "{\n" + concatMapStringsSep ",\n"
            (n: ind' + toJSON n + ": " + go ind' v.${n}) (builtins.attrNames v)
            + "\n" + ind + "}"
        else if isList v then
          if v == [ ] then "[]"
          else "[\n" + concatMapStringsSep ",\n" (x: ind' + go ind' x) v + "\n" + ind + "]"
        else toJSON v;
    in
    go "" v + "\n";

  isTable = v: isAttrs v && !(v ? outPath);
  isTableList = v: isList v && v != [ ] && builtins.all isTable v;
  tomlKey = k: if match "[A-Za-z0-9_-]+" k != null then k else toJSON k;
  tomlValue = v:
    if isTable v then
      "{ " + concatStringsSep ", " (mapAttrsToList (k: x: "${tomlKey k} = ${tomlValue x}") v) + " }"
    else if isList v then "[" + concatMapStringsSep ", " tomlValue v + "]"
    else if builtins.isString v || builtins.isPath v || isAttrs v then toJSON (toString v)
    else if v == null then throw "pkgs.formats.toml: null has no TOML representation"
    else toJSON v;
  concatStringsSep = builtins.concatStringsSep;
  tomlSection = header: path: attrs:
    let
      plain = filterAttrs (_: v: !(isTable v) && !(isTableList v)) attrs;
      tables = filterAttrs (_: isTable) attrs;
      lists = filterAttrs (_: isTableList) attrs;
      name = concatMapStringsSep "." tomlKey path;
    in
    (if header != null then header name + "\n"
     else if path != [ ] && (plain != { } || (tables == { } && lists == { })) then "[${name}]\n"
     else "")
    + concatStrings (mapAttrsToList (k: v: "${tomlKey k} = ${tomlValue v}\n") plain)
    + concatStrings (mapAttrsToList (k: v: "\n" + tomlSection null (path ++ [ k ]) v) tables)
    + concatStrings (mapAttrsToList
      (k: l: concatStrings (map (t: "\n" + tomlSection (n: "[[${n}]]") (path ++ [ k ]) t) l))
      lists);
  toTOML = v: let s = tomlSection null [ ] v; in lib.removePrefix "\n" s;

  # ---- YAML: PyYAML's emitter (yaml/emitter.py), for JSON's values ----
  inherit (builtins) substring stringLength genList length elemAt any fromJSON;
  width = 80; # PyYAML's best_width
  pad = n: concatStrings (genList (_: " ") n);
  u = hex: fromJSON ''"\u${hex}"''; # the UTF-8 of U+hex
  nel = u "0085";
  ls = u "2028";
  ps = u "2029";
  bom = u "FEFF";
  nbsp = u "00A0";
  beforeSurrogates = u "D7FF";
  privateUse = u "E000";
  replacement = u "FFFD";
  firstAstral = fromJSON ''"\ud800\udc00"''; # U+10000
  lastCodePoint = fromJSON ''"\udbff\udfff"''; # U+10FFFF

  # A string's characters (UTF-8 sequences), as Python's str indexes them.
  contFirst = substring 1 1 (u "0080");
  contLast = substring 1 1 (u "00BF");
  isCont = b: b >= contFirst && b <= contLast;
  chars = s:
    let
      n = stringLength s;
      starts = builtins.filter (i: !(isCont (substring i 1 s))) (genList (i: i) n);
      m = length starts;
      at = k: if k < m then elemAt starts k else n;
    in
    genList (k: substring (at k) (at (k + 1) - at k) s) m;

  # Character classes (UTF-8 keeps code point order under byte comparison).
  isBreak = c: c == "\n" || c == nel || c == ls || c == ps;
  isWs = c: c == " " || c == "\t" || c == "\r" || isBreak c;
  isPrintAscii = c: c >= " " && c <= "~";
  inBmpPrintable = c: (c >= nbsp && c <= beforeSurrogates) || (c >= privateUse && c <= replacement);
  # analyze_scalar: allowed with allow_unicode (PyYAML's `< '\U0010ffff'` excludes U+10FFFF).
  unicodeOk = c: c != bom && (c == nel || inBmpPrintable c || (c >= firstAstral && c < lastCodePoint));
  isSpecial = c: !(c == "\n" || isPrintAscii c) && !(unicodeOk c);

  # write_double_quoted's escapes.
  needsEscape = c: c == "\"" || c == "\\" || c == nel || c == ls || c == ps || c == bom
    || !(isPrintAscii c || inBmpPrintable c);
  hexWidth = w: i:
    let h = lib.toHexString i; in concatStrings (genList (_: "0") (w - stringLength h)) + h;
  asciiCodes = builtins.listToAttrs (genList (i: { name = u (hexWidth 4 (i + 1)); value = i + 1; }) 127);
  contCodes = builtins.listToAttrs
    (genList (i: { name = substring 1 1 (u (hexWidth 4 (128 + i))); value = i; }) 64);
  lead4Codes = builtins.listToAttrs (genList
    (i: { name = substring 0 1 (fromJSON ''"\u${hexWidth 4 (55296 + i * 192)}\udc00"''); value = i; }) 5);
  codePoint = c:
    let b = i: substring i 1 c; n = stringLength c; in
    if n == 1 then asciiCodes.${c}
    # The only escaped characters of two and three bytes: U+0080..U+009F and U+FEFF, U+FFFE, U+FFFF.
    else if n == 2 then 128 + contCodes.${b 1}
    else if n == 3 then (if c == bom then 65279 else if c == u "FFFE" then 65534 else 65535)
    else 262144 * lead4Codes.${b 0} + 4096 * contCodes.${b 1} + 64 * contCodes.${b 2} + contCodes.${b 3};
  escapes = {
    "\t" = "t"; "\n" = "n"; "\r" = "r"; "\"" = "\""; "\\" = "\\";
    ${u "0007"} = "a"; ${u "0008"} = "b"; ${u "000B"} = "v"; ${u "000C"} = "f"; ${u "001B"} = "e";
    ${nel} = "N"; ${ls} = "L"; ${ps} = "P";
  };
  escape = c:
    if escapes ? ${c} then "\\" + escapes.${c}
    else let cp = codePoint c; in
    if cp <= 255 then "\\x" + hexWidth 2 cp
    else if cp <= 65535 then "\\u" + hexWidth 4 cp
    else "\\U" + hexWidth 8 cp;

  # analyze_scalar, for block context (flow_level is always 0 here).
  analyze = cs:
    let
      n = length cs;
      at = i: elemAt cs i;
      idx = genList (i: i) n;
      followedByWs = i: i + 1 >= n || isWs (at (i + 1));
      precededByWs = i: i == 0 || isWs (at (i - 1));
      first3 = concatStrings (lib.take 3 cs);
      blockIndicators = first3 == "---" || first3 == "..." || any
        (i:
          let c = at i; in
          if i == 0 then builtins.elem c (lib.stringToCharacters "#,[]{}&*!|>'\"%@`")
            || ((c == "?" || c == ":" || c == "-") && followedByWs 0)
          else (c == ":" && followedByWs i) || (c == "#" && precededByWs i))
        idx;
      lineBreaks = any isBreak cs;
      special = any isSpecial cs;
      edges = at 0 == " " || isBreak (at 0) || at (n - 1) == " " || isBreak (at (n - 1));
      breakSpace = any (i: i > 0 && at i == " " && isBreak (at (i - 1))) idx;
      spaceBreak = any (i: i > 0 && isBreak (at i) && at (i - 1) == " ") idx;
    in
    if n == 0 then { empty = true; multiline = false; plain = true; single = true; }
    else {
      empty = false;
      multiline = lineBreaks;
      plain = !(edges || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
      single = !(breakSpace || spaceBreak || special);
    };

  # Strings PyYAML's resolvers (YAML 1.1) read as something else than a string, so never plain.
  resolvers = [
    "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    ("[-+]?[0-9][0-9_]*\\.[0-9_]*([eE][-+][0-9]+)?|\\.[0-9][0-9_]*([eE][-+][0-9]+)?"
      + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)")
    ("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
      + "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+")
    "<<"
    "~|null|Null|NULL"
    ("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
      + "([Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\\.[0-9]*)?"
      + "([ \t]*(Z|[-+][0-9][0-9]?(:[0-9][0-9])?))?")
    "="
    "!|&|\\*"
  ];
  resolverFirst = lib.stringToCharacters "yYnNtTfFoO-+0123456789.<~=!&*";
  readsAsOther = s: s == "" || (builtins.elem (substring 0 1 s) resolverFirst
    && any (re: match "(${re})" s != null) resolvers);

  # The states of one of PyYAML's writer loops: `step state end` for end = 0 .. n-1, each state
  # forced before the next is made (no deep thunk chains, no quadratic appends). A state's `out`
  # is what that step writes.
  scan = step: init: n:
    let states = genList (i: step (if i == 0 then init else elemAt states (i - 1)) i) n;
    in builtins.foldl' (acc: st: builtins.deepSeq st acc) states states;

  # write_plain, write_single_quoted and write_double_quoted: { text; col; } for the scalar's
  # characters `cs` written from column `col` (`ws`: the column follows whitespace, so no space
  # is put before it), folded lines indented to `indent`.
  writer = open: close: step: { cs, col, ws, indent, split }:
    let
      n = length cs;
      text = a: b: concatStrings (lib.sublist a (b - a) cs);
      lead = (if ws then "" else " ") + open;
      init = { start = 0; col = col + stringLength lead; spaces = false; breaks = false; out = ""; };
      states = scan (step { inherit cs n text indent split; }) init (n + 1);
    in
    {
      text = lead + concatStrings (map (st: st.out) states) + close;
      col = (lib.last states).col + stringLength close;
    };

  same = st: { out = ""; inherit (st) col start; };
  flush = st: end: text: { out = text st.start end; col = st.col + end - st.start; start = end; };
  fold = indent: end: { out = "\n" + pad indent; col = indent; start = end; };
  charState = ch: st:
    if ch != null then { spaces = ch == " "; breaks = isBreak ch; } else { inherit (st) spaces breaks; };

  writePlain = writer "" "" ({ cs, n, text, indent, split }: st: end:
    let ch = if end < n then elemAt cs end else null; in
    (if st.spaces then
      (if ch != " " then
        (if st.start + 1 == end && st.col > width && split then fold indent end else flush st end text)
      else same st)
    else if ch == null || ch == " " then flush st end text
    else same st) // charState ch st);

  writeSingle = writer "'" "'" ({ cs, n, text, indent, split }: st: end:
    let
      ch = if end < n then elemAt cs end else null;
      w =
        if st.spaces then
          (if ch != " " then
            (if st.start + 1 == end && st.col > width && split && st.start != 0 && end != n
            then fold indent end else flush st end text)
          else same st)
        else if st.breaks then
          (if ch == null || !(isBreak ch) then {
            out = (if elemAt cs st.start == "\n" then "\n" else "") + text st.start end + pad indent;
            col = indent;
            start = end;
          } else same st)
        else if (ch == null || ch == " " || isBreak ch || ch == "'") && st.start < end then flush st end text
        else same st;
    in
    (if ch == "'" then { out = w.out + "''"; col = w.col + 2; start = end + 1; } else w) // charState ch st);

  writeDouble = writer "\"" "\"" ({ cs, n, text, indent, split }: st: end:
    let
      ch = if end < n then elemAt cs end else null;
      esc = ch == null || needsEscape ch;
      a = if esc && st.start < end then flush st end text else same st;
      b =
        if esc && ch != null then
          let e = escape ch; in { out = a.out + e; col = a.col + stringLength e; start = end + 1; }
        else a;
      start' = if b.start < end then end else b.start;
      space = elemAt cs start' == " ";
    in
    if 0 < end && end < n - 1 && (ch == " " || b.start >= end) && b.col + (end - b.start) > width && split then {
      out = b.out + (if b.start < end then text b.start end else "") + "\\\n" + pad indent
        + (if space then "\\" else "");
      col = indent + (if space then 1 else 0);
      start = start';
    } // charState ch st
    else b // charState ch st);

  # Most strings: printable ASCII PyYAML writes plain, ending before column 80 (so nothing to
  # fold) when written from column `start`; they go as they are, without the writers' loops.
  fastPlain = s: start: start + stringLength s <= width && !(readsAsOther s)
    && match "[A-Za-z0-9_/~]([A-Za-z0-9_./+=@%$^;()<>!&*~ -]*[A-Za-z0-9_./+=@%$^;()<>!&*~-])?" s != null;

  # One string scalar: choose_scalar_style, then its writer.
  writeString = { s, col, ws, indent, simpleKey ? false }:
    let
      start = if ws then col else col + 1;
      cs = chars s;
      a = analyze cs;
      args = { inherit cs col ws indent; split = !simpleKey; };
      plain = !(readsAsOther s) && !(simpleKey && (a.empty || a.multiline)) && a.plain;
    in
    if fastPlain s start then
      { text = (if ws then "" else " ") + s; col = start + stringLength s; plain = true; }
    else if plain then writePlain args // { inherit plain; }
    else (if a.single && !(simpleKey && a.multiline) then writeSingle args else writeDouble args) // { inherit plain; };

  # A float as Python's repr writes the number builtins.toJSON wrote for it (an integer when
  # toJSON wrote one), with PyYAML's `.0` before a bare exponent.
  pyFloat = f:
    let
      s = toJSON f;
      m = match "(-?)([0-9]+)(\\.([0-9]+))?([eE]([-+]?)([0-9]+))?" s;
      g = elemAt m;
      decimal = ds: builtins.foldl' (acc: d: acc * 10 + lib.toInt d) 0 (lib.stringToCharacters ds);
      exp = if g 4 == null then 0 else (if g 5 == "-" then -1 else 1) * decimal (g 6);
      all = lib.stringToCharacters (g 1 + (if g 3 == null then "" else g 3));
      zeros = l: if l != [ ] && builtins.head l == "0" then 1 + zeros (builtins.tail l) else 0;
      leading = zeros all;
      trimmed = lib.drop leading all;
      ds = lib.take (length trimmed - zeros (lib.reverseList trimmed)) trimmed;
      nd = length ds;
      digits = concatStrings ds;
      point = stringLength (g 1) + exp - leading; # digits are 0.DIGITS * 10^point
      e = point - 1;
      repr =
        if nd == 0 then "0.0"
        else if point <= -4 || point > 16 then
          substring 0 1 digits + (if nd > 1 then "." + substring 1 nd digits else ".0")
          + "e" + (if e < 0 then "-" else "+") + (if e > -10 && e < 10 then "0" else "")
          + toString (if e < 0 then -e else e)
        else if point <= 0 then "0." + concatStrings (genList (_: "0") (-point)) + digits
        else if point >= nd then digits + concatStrings (genList (_: "0") (point - nd)) + ".0"
        else substring 0 point digits + "." + substring point nd digits;
    in
    if m == null then s
    else if g 2 == null && g 4 == null then (if s == "-0" then "0" else s)
    else (if g 0 == "-" then "-" else "") + repr;

  # toJSON's view of a value: derivations and other strings-to-be as their strings.
  yamlValue = v:
    if isAttrs v && v ? __toString then toString v
    else if isAttrs v && v ? outPath then yamlValue v.outPath
    else if builtins.isPath v then "${v}"
    else v;

  # expect_node: `v` written from column `col` (after whitespace when `ws`); `indent` is the
  # enclosing collection's indentation (null at the root); `indention`: only indentation has
  # been written on this line; `mapping`: v is a mapping's value. { text; plain; }
  yamlNode = v': c:
    let
      v = yamlValue v';
      lead = if c.ws then "" else " ";
    in
    if builtins.isString v then
      writeString { s = v; inherit (c) col ws; indent = if c.indent == null then 2 else c.indent + 2; }
    else if isAttrs v && v != { } then { text = yamlMapping v c; plain = false; }
    else if isList v && v != [ ] then { text = yamlSequence v c; plain = false; }
    else if v == { } then { text = lead + "{}"; plain = false; }
    else if v == [ ] then { text = lead + "[]"; plain = false; }
    else if builtins.isFloat v then { text = lead + pyFloat v; plain = true; }
    else { text = lead + toJSON v; plain = true; };

  # expect_block_mapping: keys at indent + 2 (0 at the root), simple keys as `key: value`,
  # others as `? key` / `: value`.
  yamlMapping = v: c:
    let
      indent = if c.indent == null then 0 else c.indent + 2;
      entry = i: k:
        let
          cs = chars k;
          # check_simple_key: 5 is the length of the tag `!!str`
          simple = fastPlain k indent || (k != "" && !(any isBreak cs) && length cs + 5 < 128);
          key = writeString { s = k; col = indent; ws = true; indent = indent + 2; simpleKey = true; };
          after = col: indention:
            (yamlNode v.${k} { inherit indent col indention; ws = false; mapping = true; }).text;
          complexKey =
            (yamlNode k { inherit indent; col = indent + 1; ws = false; indention = true; mapping = true; }).text;
        in
        (if i == 0 && c.indention then pad (indent - c.col) else "\n" + pad indent)
        + (if simple then key.text + ":" + after (key.col + 1) false
        else "?" + complexKey + "\n" + pad indent + ":" + after (indent + 1) true);
    in
    concatStrings (lib.imap0 entry (builtins.attrNames v));

  # expect_block_sequence: items at the mapping's own indentation when v is a mapping's value
  # (indentless), else at indent + 2 (0 at the root).
  yamlSequence = v: c:
    let
      indent =
        if c.indent == null then 0
        else if c.mapping && !c.indention then c.indent
        else c.indent + 2;
      item = i: x:
        (if i == 0 && c.indention then pad (indent - c.col) else "\n" + pad indent) + "-"
        + (yamlNode x { inherit indent; col = indent + 1; ws = false; indention = true; mapping = false; }).text;
    in
    concatStrings (lib.imap0 item v);

  toYAML = v:
    let root = yamlNode v { indent = null; col = 0; ws = true; indention = true; mapping = false; };
    in root.text + "\n" + (if root.plain then "...\n" else "");

  anySettings = types.attrsOf types.anything;
in
{
  json = { ... }: {
    type = anySettings;
    generate = name: value: writeText name (prettyJSON value);
  };
  yaml = { ... }: {
    type = anySettings;
    generate = name: value: writeText name (toYAML value);
  };
  ini = { listsAsDuplicateKeys ? false, ... }@args: {
    type = types.attrsOf (types.attrsOf types.anything);
    generate = name: value: writeText name (lib.generators.toINI (removeAttrs args [ "listToValue" ]) value);
  };
  keyValue = { ... }@args: {
    type = anySettings;
    generate = name: value: writeText name (lib.generators.toKeyValue (removeAttrs args [ "listToValue" ]) value);
  };
  toml = { ... }: {
    type = anySettings;
    generate = name: value: writeText name (toTOML value);
  };
}
