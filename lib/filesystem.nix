# lib.filesystem: file types and directory listings.
{ lib }:
let
  inherit (builtins) readDir pathExists baseNameOf dirOf;
in
rec {
  # builtins.readFileType exists since Nix 2.14; before that, ask the parent
  # directory's listing.
  pathType =
    if builtins ? readFileType then builtins.readFileType
    else
      path:
      if !pathExists path then
        throw "lib.filesystem.pathType: Path ${toString path} does not exist."
      else if toString path == "/" then "directory"
      else (readDir (dirOf path)).${baseNameOf path};

  pathIsDirectory = path: pathExists path && pathType path == "directory";
  pathIsRegularFile = path: pathExists path && pathType path == "regular";

  listFilesRecursive = dir:
    lib.lists.flatten (lib.attrsets.mapAttrsToList (name: type:
      if type == "directory" then listFilesRecursive (dir + "/${name}") else dir + "/${name}")
      (readDir dir));

  # The closest ancestor directory (of `file`, inclusive) containing a file
  # matching `pattern`: { path, matches } or null.
  locateDominatingFile = pattern: file:
    let
      go = path:
        let
          files = builtins.attrNames (readDir path);
          matches = builtins.filter (match: match != null) (map (builtins.match pattern) files);
        in
        if builtins.length matches != 0 then { inherit path matches; }
        else if path == /. then null
        else go (dirOf path);
      parent = dirOf file;
      isDir = let base = baseNameOf file; type = (readDir parent).${base} or null; in file == /. || type == "directory";
    in
    go (if isDir then file else parent);

  packagesFromDirectoryRecursive = { callPackage, directory, ... }:
    let
      entries = readDir directory;
      step = name: type:
        let path = directory + "/${name}";
        in
        if type == "directory" then
          (if pathExists (path + "/package.nix")
           then { ${name} = callPackage (path + "/package.nix") { }; }
           else { ${name} = packagesFromDirectoryRecursive { inherit callPackage; directory = path; }; })
        else if type == "regular" && lib.strings.hasSuffix ".nix" name then
          { ${lib.strings.removeSuffix ".nix" name} = callPackage path { }; }
        else { };
    in
    if pathExists (directory + "/package.nix") then callPackage (directory + "/package.nix") { }
    else lib.attrsets.mergeAttrsList (lib.attrsets.mapAttrsToList step entries);
}
