# lib.sources: filtered copies of source directories into the store.
{ lib }:
let
  inherit (builtins) baseNameOf match any filter isString typeOf;
  inherit (lib.strings) hasSuffix hasPrefix;
in
rec {
  # Drops version-control directories, editor backups, Nix results and
  # build outputs, as nixpkgs' cleanSourceFilter documents.
  cleanSourceFilter = name: type:
    let base = baseNameOf (toString name);
    in
    !((type == "directory" && (base == ".git" || base == ".svn" || base == "CVS" || base == ".hg"))
      || hasSuffix "~" base
      || match "^\\.sw[a-z]$" base != null
      || match "^\\..*\\.sw[a-z]$" base != null
      || hasSuffix ".o" base
      || hasSuffix ".so" base
      || (type == "symlink" && hasPrefix "result" base)
      || (type == "unknown"));

  cleanSourceWith = { src, filter ? _path: _type: true, name ? null }:
    let
      orig = toSourceAttributes src;
    in
    fromSourceAttributes {
      inherit (orig) origSrc;
      filter = path: type: filter path type && orig.filter path type;
      name = if name != null then name else orig.name;
    };

  cleanSource = src: cleanSourceWith { filter = cleanSourceFilter; inherit src; };

  sourceByRegex = src: regexes:
    let
      isFiltered = src ? _isLibCleanSourceWith;
      origSrc = if isFiltered then src.origSrc else src;
    in
    cleanSourceWith {
      filter = path: type:
        let relPath = lib.strings.removePrefix (toString origSrc + "/") (toString path);
        in any (re: match re relPath != null) regexes;
      inherit src;
    };

  sourceFilesBySuffices = src: exts:
    let
      filter = name: type:
        let base = baseNameOf (toString name);
        in type == "directory" || any (ext: hasSuffix ext base) exts;
    in
    cleanSourceWith { inherit filter src; };

  pathIsGitRepo = path: builtins.pathExists (toString path + "/.git");

  canCleanSource = src: src ? _isLibCleanSourceWith || !(src ? outPath);

  pathHasContext = builtins.hasContext or (lib.warn "lib.sources.pathHasContext needs builtins.hasContext" (_: false));

  toSourceAttributes = src:
    if src ? _isLibCleanSourceWith then { inherit (src) origSrc filter name; }
    else { origSrc = src; filter = _: _: true; name = "source"; };

  fromSourceAttributes = { origSrc, filter, name }: {
    _isLibCleanSourceWith = true;
    inherit origSrc filter name;
    outPath = builtins.path { inherit filter name; path = origSrc; };
  };
}
