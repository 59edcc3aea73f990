# lib.strings: string functions (joining, splitting, prefixes, case,
# escaping for shells, regexes, URLs, XML and Nix, version strings, build
# system flags).  Only Nix 2.8 builtins are relied on.
{ lib }:
let
  inherit (builtins)
    length head tail elemAt isList isString isPath isAttrs isInt isBool
    filter genList stringLength substring match split replaceStrings
    concatStringsSep attrNames foldl' typeOf;
  inherit (lib.lists) imap1;
in
rec {
  inherit (builtins)
    compareVersions elem elemAt filter fromJSON genList head isInt isList
    isAttrs isPath isString match parseDrvName readFile replaceStrings split
    storeDir stringLength substring tail toJSON typeOf
    unsafeDiscardStringContext concatStringsSep concatMap appendContext;

  # Before 23.05 these functions copied path arguments to the store; nixpkgs
  # now warns about path arguments with these texts.
  pathWarning = fname: what: p: lib.trivial.warnIf (isPath p) ''
    lib.strings.${fname}: The first argument (${toString p}) is a path value, but only strings are supported.
        There is almost certainly a bug in the calling code, since this function ${what}.
        This function also copies the path to the Nix store, which may not be what you want.
        This behavior is deprecated and will throw an error in the future.'';

  join = concatStringsSep;
  concatStrings = concatStringsSep "";
  concatMapStrings = f: list: concatStrings (map f list);
  concatImapStrings = f: list: concatStrings (imap1 f list);

  intersperse = separator: list:
    if list == [ ] || length list == 1 then list
    else tail (builtins.concatMap (x: [ separator x ]) list);

  concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);
  concatImapStringsSep = sep: f: list: concatStringsSep sep (imap1 f list);
  concatMapAttrsStringSep = sep: f: attrs:
    concatStringsSep sep (builtins.attrValues (builtins.mapAttrs f attrs));
  concatLines = concatMapStrings (s: s + "\n");

  replaceString = from: to: replaceStrings [ from ] [ to ];

  replicate = n: s: concatStrings (lib.lists.replicate n s);

  trimWith = { start ? false, end ? false }:
    let
      # Our own whitespace class: [:space:] is not well defined.
      ws = " \t\r\n";
      regex =
        if start && end then "[${ws}]*(.*[^${ws}])[${ws}]*"
        else if start then "[${ws}]*(.*)"
        else if end then "(.*[^${ws}])[${ws}]*"
        else "(.*)";
    in
    s:
    let res = match regex s;
    in optionalString (res != null) (head res);

  trim = trimWith { start = true; end = true; };

  makeSearchPath = subDir: paths:
    concatStringsSep ":" (map (path: path + "/" + subDir) (filter (x: x != null) paths));

  makeSearchPathOutput = output: subDir: pkgs:
    makeSearchPath subDir (map (lib.attrsets.getOutput output) pkgs);

  makeLibraryPath = makeSearchPathOutput "lib" "lib";
  makeIncludePath = makeSearchPathOutput "dev" "include";
  makeBinPath = makeSearchPathOutput "bin" "bin";

  # Collapse runs of "/" into one.
  normalizePath = s:
    lib.trivial.warnIf (isPath s) ''
      lib.strings.normalizePath: The argument (${toString s}) is a path value, but only strings are supported.
          Path values are always normalised in Nix, so there's no need to call this function on them.
          This function also copies the path to the Nix store and returns the store path, the same as "''${path}" will, which may not be what you want.
          This behavior is deprecated and will throw an error in the future.''
    (foldl' (x: y: if y == "/" && hasSuffix "/" x then x else x + y) "" (stringToCharacters s));

  optionalString = cond: string: if cond then string else "";

  hasPrefix = pref: str:
    lib.trivial.warnIf (isPath pref) ''
      lib.strings.hasPrefix: The first argument (${toString pref}) is a path value, but only strings are supported.
          There is almost certainly a bug in the calling code, since this function always returns `false` in such a case.
          This function also copies the path to the Nix store, which may not be what you want.
          This behavior is deprecated and will throw an error in the future.
          You might want to use `lib.path.hasPrefix` instead, which correctly supports paths.''
      (substring 0 (stringLength pref) str == pref);

  hasSuffix = suffix: content:
    let
      lenContent = stringLength content;
      lenSuffix = stringLength suffix;
    in
    pathWarning "hasSuffix" "always returns `false` in such a case" suffix
      (lenContent >= lenSuffix && substring (lenContent - lenSuffix) lenContent content == suffix);

  hasInfix = infix: content:
    pathWarning "hasInfix" "always returns `false` in such a case" infix
      (match ".*${escapeRegex infix}.*" "${content}" != null);

  stringToCharacters = s: genList (p: substring p 1 s) (stringLength s);

  stringAsChars = f: s: concatStrings (map f (stringToCharacters s));

  # ASCII code points 1-127; fromJSON turns \u00XX escapes into the bytes.
  asciiTable = builtins.listToAttrs (genList (i:
    let
      code = i + 1;
      hex = fixedWidthString 4 "0" (lib.trivial.toHexString code);
    in
    { name = builtins.fromJSON "\"\\u${hex}\""; value = code; }) 127);

  charToInt = c: builtins.getAttr c asciiTable;

  escape = list: replaceStrings list (map (c: "\\${c}") list);

  escapeC = list:
    replaceStrings list (map (c: "\\x${fixedWidthString 2 "0" (toLower (lib.trivial.toHexString (charToInt c)))}") list);

  escapeURL =
    let
      unreserved = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
      toEscape = builtins.removeAttrs asciiTable unreserved;
      names = attrNames toEscape;
    in
    replaceStrings names (map (c: "%${fixedWidthString 2 "0" (lib.trivial.toHexString toEscape.${c})}") names);

  escapeShellArg = arg:
    let string = toString arg;
    in
    if match "[[:alnum:],._+:@%/-]+" string == null
    then "'${replaceStrings [ "'" ] [ "'\\''" ] string}'"
    else string;

  escapeShellArgs = concatMapStringsSep " " escapeShellArg;

  isValidPosixName = name: match "[a-zA-Z_][a-zA-Z0-9_]*" name != null;

  toShellVar = name: value:
    lib.trivial.throwIfNot (isValidPosixName name) "toShellVar: ${name} is not a valid shell variable name" (
      if isAttrs value && !isStringLike value then
        "declare -A ${name}=(${concatStringsSep " " (lib.attrsets.mapAttrsToList (n: v: "[${escapeShellArg n}]=${escapeShellArg v}") value)})"
      else if isList value then
        "declare -a ${name}=(${escapeShellArgs value})"
      else
        "${name}=${escapeShellArg value}"
    );

  toShellVars = vars: concatStringsSep "\n" (lib.attrsets.mapAttrsToList toShellVar vars);

  escapeNixString = s: escape [ "$" ] (builtins.toJSON s);

  escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");

  escapeNixIdentifier =
    let
      keywords = [ "assert" "else" "if" "in" "inherit" "let" "or" "rec" "then" "with" ];
    in
    s:
    if match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null && !(elem s keywords) then s
    else escapeNixString s;

  escapeXML = replaceStrings [ "\"" "'" "<" ">" "&" ] [ "&quot;" "&apos;" "&lt;" "&gt;" "&amp;" ];

  replaceChars = lib.warn "lib.replaceChars is a deprecated alias of lib.replaceStrings." replaceStrings;

  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  toLower = replaceStrings upperChars lowerChars;
  toUpper = replaceStrings lowerChars upperChars;

  toSentenceCase = str:
    lib.trivial.throwIfNot (isString str)
      "toSentenceCase does only accepts string values, but got ${typeOf str}"
      (addContextFrom str (toUpper (substring 0 1 str) + toLower (substring 1 (stringLength str) str)));

  # Words are separated by "-", "_" or " " and by a lower-to-upper case
  # change: "hello-world", "hello_world", "HelloWorld" all become "helloWorld".
  toCamelCase = str:
    lib.trivial.throwIfNot (isString str)
      "toCamelCase does only accepts string values, but got ${typeOf str}"
      (
        let
          words = splitStringBy (prev: cur: elem cur [ "-" "_" " " ]) false str;
          parts = lib.lists.flatten (map (splitStringBy (prev: cur: match "[a-z]" prev != null && match "[A-Z]" cur != null) true) words);
          first = if parts == [ ] then "" else toLower (head parts);
          rest = if length parts > 1 then map toSentenceCase (tail parts) else [ ];
        in
        concatStrings (map (addContextFrom str) ([ first ] ++ rest))
      );

  addContextFrom = src: target: substring 0 0 src + target;

  splitString = sep: s:
    let
      pieces = filter isString (split (escapeRegex (toString sep)) (toString s));
    in
    map (addContextFrom s) pieces;

  # Split before every character where `predicate prev cur` holds (prev is
  # "" for the first character); keepSplit keeps that character.
  splitStringBy = predicate: keepSplit: str:
    let
      len = stringLength str;
      go = pos: part: acc:
        if pos == len then acc ++ [ part ]
        else
          let
            cur = substring pos 1 str;
            prev = if pos > 0 then substring (pos - 1) 1 str else "";
          in
          if predicate prev cur
          then go (pos + 1) (if keepSplit then cur else "") (acc ++ [ part ])
          else go (pos + 1) (part + cur) acc;
    in
    if len == 0 then [ (addContextFrom str "") ] else map (addContextFrom str) (go 0 "" [ ]);

  removePrefix = prefix: str:
    let preLen = stringLength prefix;
    in
    pathWarning "removePrefix" "never removes any prefix in such a case" prefix
      (if substring 0 preLen str == prefix then substring preLen (-1) str else str);

  removeSuffix = suffix: str:
    let
      sufLen = stringLength suffix;
      sLen = stringLength str;
    in
    pathWarning "removeSuffix" "never removes any suffix in such a case" suffix
      (if sufLen <= sLen && suffix == substring (sLen - sufLen) sufLen str
       then substring 0 (sLen - sufLen) str
       else str);

  versionOlder = v1: v2: builtins.compareVersions v2 v1 == 1;
  versionAtLeast = v1: v2: !versionOlder v1 v2;

  getName = x:
    if isString x then (parseDrvName x).name
    else x.pname or (parseDrvName x.name).name;

  getVersion = x:
    if isString x then (parseDrvName x).version
    else x.version or (parseDrvName x.name).version;

  nameFromURL = url: sep:
    let
      components = splitString "/" url;
      filename = lib.lists.last components;
      name = head (splitString sep filename);
    in
    assert name != filename;
    name;

  cmakeOptionType = type: feature: value:
    assert elem (toUpper type) [ "BOOL" "FILEPATH" "PATH" "STRING" "INTERNAL" "LIST" ];
    assert isString feature;
    assert isString value;
    "-D${feature}:${toUpper type}=${value}";

  cmakeBool = condition: flag:
    assert isString condition;
    assert isBool flag;
    cmakeOptionType "bool" condition (toUpper (lib.trivial.boolToString flag));

  cmakeFeature = feature: value:
    assert isString feature;
    assert isString value;
    cmakeOptionType "string" feature value;

  mesonOption = feature: value:
    assert isString feature;
    assert isString value;
    "-D${feature}=${value}";

  mesonBool = condition: flag:
    assert isString condition;
    assert isBool flag;
    mesonOption condition (lib.trivial.boolToString flag);

  mesonEnable = feature: flag:
    assert isString feature;
    assert isBool flag;
    mesonOption feature (if flag then "enabled" else "disabled");

  enableFeature = flag: feature:
    assert isBool flag;
    assert isString feature;
    "--${if flag then "enable" else "disable"}-${feature}";

  enableFeatureAs = flag: feature: value:
    enableFeature flag feature + optionalString flag "=${value}";

  withFeature = with_: feature:
    assert isString feature;
    "--with${if with_ then "" else "out"}-${feature}";

  withFeatureAs = with_: feature: value:
    withFeature with_ feature + optionalString with_ "=${value}";

  fixedWidthString = width: filler: str:
    let
      strw = stringLength str;
      reqWidth = width - (stringLength filler);
    in
    assert lib.asserts.assertMsg (strw <= width)
      "fixedWidthString: requested string length (${toString width}) must not be shorter than actual length (${toString strw})";
    if strw == width then str else filler + fixedWidthString reqWidth filler str;

  fixedWidthNumber = width: n: fixedWidthString width "0" (toString n);

  floatToString = float:
    let
      result = toString float;
      precise = float == builtins.fromJSON result;
    in
    lib.trivial.warnIf (!precise) "Imprecise conversion from float to string ${result}" result;

  isConvertibleWithToString = x:
    isStringLike x
    || elem (typeOf x) [ "null" "int" "float" "bool" ]
    || (isList x && lib.lists.all isConvertibleWithToString x);

  isStringLike = x: isString x || isPath x || x ? outPath || x ? __toString;

  isCoercibleToString = lib.warnIf (lib.oldestSupportedReleaseIsAtLeast 2305)
    "lib.strings.isCoercibleToString is deprecated in favor of either isStringLike or isConvertibleWithToString. Only use the latter if it needs to return true for null, numbers, booleans and list of similarly coercibles."
    isConvertibleWithToString;

  isStorePath = x:
    if isStringLike x then
      let str = toString x;
      in
      substring 0 1 str == "/"
      # Content-addressed paths may lack the store directory prefix.
      && (dirOf str == builtins.storeDir || match "/[0-9a-z]{52}" str != null)
    else false;

  toInt = str:
    let
      stripped = match "[[:space:]]*(-?[[:digit:]]+)[[:space:]]*" str;
      leadingZero = match "0[[:digit:]]+" (head stripped) != null;
      parsed = builtins.fromJSON (head stripped);
      generalError = "toInt: Could not convert ${escapeNixString str} to int.";
    in
    if stripped == null then throw generalError
    else if leadingZero then
      throw "toInt: Ambiguity in interpretation of ${escapeNixString str} between octal and zero padded integer."
    else if !isInt parsed then throw generalError
    else parsed;

  toIntBase10 = str:
    let
      stripped = match "[[:space:]]*0*(-?[[:digit:]]+)[[:space:]]*" str;
      isZero = match "0+" (head stripped) != null;
      parsed = builtins.fromJSON (head stripped);
      generalError = "toIntBase10: Could not convert ${escapeNixString str} to int.";
    in
    if stripped == null then throw generalError
    else if isZero then 0
    else if !isInt parsed then throw generalError
    else parsed;

  readPathsFromFile = lib.warn
    "lib.readPathsFromFile is deprecated, use a list instead."
    (rootPath: file:
      let
        lines = lib.strings.splitString "\n" (readFile file);
        removeComments = filter (line: line != "" && !(hasPrefix "#" line));
        relativePaths = removeComments lines;
      in
      map (path: rootPath + "/${path}") relativePaths);

  fileContents = file: removeSuffix "\n" (readFile file);

  sanitizeDerivationName =
    let okRegex = match "[[:alnum:]+_?=-][[:alnum:]+._?=-]*";
    in
    string:
    if stringLength string <= 207 && okRegex string != null
    then builtins.unsafeDiscardStringContext string
    else lib.trivial.pipe string [
      builtins.unsafeDiscardStringContext
      (x: elemAt (match "\\.*(.*)" x) 0)
      (split "[^[:alnum:]+._?=-]+")
      (concatMapStrings (s: if isList s then "-" else s))
      (x: substring (lib.trivial.max (stringLength x - 207) 0) (-1) x)
      (x: if stringLength x == 0 then "unknown" else x)
    ];

  # Edit distance between two strings (insertions, deletions, substitutions).
  levenshtein = a: b:
    let
      as = stringToCharacters a;
      bs = stringToCharacters b;
      la = length as;
      lb = length bs;
      firstRow = genList (j: j) (lb + 1);
      nextRow = prev: i:
        let
          ca = elemAt as (i - 1);
          cells = foldl' (row: j:
            let
              del = elemAt prev j + 1;
              ins = lib.lists.last row + 1;
              sub = elemAt prev (j - 1) + (if ca == elemAt bs (j - 1) then 0 else 1);
            in
            row ++ [ (lib.trivial.min del (lib.trivial.min ins sub)) ]) [ i ] (genList (j: j + 1) lb);
        in
        cells;
      lastRow = foldl' nextRow firstRow (genList (i: i + 1) la);
    in
    elemAt lastRow lb;

  commonPrefixLength = a: b:
    let
      m = lib.trivial.min (stringLength a) (stringLength b);
      go = i: if i < m && substring i 1 a == substring i 1 b then go (i + 1) else i;
    in
    go 0;

  commonSuffixLength = a: b:
    let
      la = stringLength a;
      lb = stringLength b;
      m = lib.trivial.min la lb;
      go = i: if i < m && substring (la - i - 1) 1 a == substring (lb - i - 1) 1 b then go (i + 1) else i;
    in
    go 0;

  levenshteinAtMost = k: a: b:
    let
      la = stringLength a;
      lb = stringLength b;
      diff = if la > lb then la - lb else lb - la;
    in
    if diff > k then false else levenshtein a b <= k;
}
