# lib.path: operations on path values and on relative "subpath" strings,
# as nixpkgs' lib.path (append, hasPrefix, removePrefix, splitRoot and
# lib.path.subpath.{isValid,join,components,normalise}).
{ lib }:
let
  inherit (builtins) isPath isString typeOf length head tail elemAt filter concatStringsSep dirOf baseNameOf genList;
  inherit (lib.asserts) assertMsg;

  # Components of an absolute path value, root first: /foo/bar -> ["foo" "bar"].
  components = p:
    let
      go = p: acc:
        let parent = dirOf p;
        in if parent == p then acc else go parent ([ (baseNameOf p) ] ++ acc);
    in
    go p [ ];

  rootOf = p:
    let go = p: let parent = dirOf p; in if parent == p then p else go parent;
    in go p;

  # Why a subpath string is invalid, or null when it is valid.
  invalidReason = value:
    if !isString value then "The given value is of type ${typeOf value}, but a string was expected"
    else if value == "" then "The given string is empty"
    else if builtins.substring 0 1 value == "/" then "The given string \"${value}\" starts with a `/`, representing an absolute path"
    else if builtins.match "(.*/)?\\.\\.(/.*)?" value != null then "The given string \"${value}\" contains a `..` component, which is not allowed in subpaths"
    else null;

  # Subpath components with "." and empty ones dropped.
  splitSubpath = s: filter (c: c != "" && c != ".") (lib.strings.splitString "/" s);

  joinComponents = cs: if cs == [ ] then "./." else "./" + concatStringsSep "/" cs;
in
{
  append = path: subpath:
    assert assertMsg (isPath path) "lib.path.append: The first argument is of type ${typeOf path}, but a path was expected";
    assert assertMsg (invalidReason subpath == null) ''
      lib.path.append: Second argument is not a valid subpath string:
          ${toString (invalidReason subpath)}'';
    path + ("/" + subpath);

  hasPrefix = path1:
    assert assertMsg (isPath path1) "lib.path.hasPrefix: First argument is of type ${typeOf path1}, but a path was expected";
    let c1 = components path1;
    in
    path2:
    assert assertMsg (isPath path2) "lib.path.hasPrefix: Second argument is of type ${typeOf path2}, but a path was expected";
    assert assertMsg (rootOf path1 == rootOf path2) "lib.path.hasPrefix: Filesystem roots must be the same for both paths, but paths with different roots were given:\n    first argument: \"${toString path1}\" with root \"${toString (rootOf path1)}\"\n    second argument: \"${toString path2}\" with root \"${toString (rootOf path2)}\"";
    lib.lists.take (length c1) (components path2) == c1;

  removePrefix = path1:
    assert assertMsg (isPath path1) "lib.path.removePrefix: First argument is of type ${typeOf path1}, but a path was expected.";
    let c1 = components path1;
    in
    path2:
    assert assertMsg (isPath path2) "lib.path.removePrefix: Second argument is of type ${typeOf path2}, but a path was expected.";
    let c2 = components path2;
    in
    if lib.lists.take (length c1) c2 == c1
    then joinComponents (lib.lists.drop (length c1) c2)
    else throw "lib.path.removePrefix: The first path argument \"${toString path1}\" is not a component-wise prefix of the second path argument \"${toString path2}\".";

  splitRoot = path:
    assert assertMsg (isPath path) "lib.path.splitRoot: Argument is of type ${typeOf path}, but a path was expected";
    { root = rootOf path; subpath = joinComponents (components path); };

  hasStorePathPrefix = path:
    assert assertMsg (isPath path) "lib.path.hasStorePathPrefix: Argument is of type ${typeOf path}, but a path was expected";
    let
      store = lib.strings.splitString "/" (lib.strings.removePrefix "/" builtins.storeDir);
      c = components path;
    in
    length c > length store && lib.lists.take (length store) c == store;

  subpath = {
    isValid = value: invalidReason value == null;

    join = subpaths:
      let
        bad = lib.lists.findFirstIndex (s: invalidReason s != null) null subpaths;
      in
      if bad != null then
        throw ''
          lib.path.subpath.join: Element at index ${toString bad} is not a valid subpath string:
              ${invalidReason (elemAt subpaths bad)}''
      else joinComponents (builtins.concatMap splitSubpath subpaths);

    components = subpath:
      if invalidReason subpath != null then
        throw ''
          lib.path.subpath.components: Argument is not a valid subpath string:
              ${invalidReason subpath}''
      else splitSubpath subpath;

    normalise = subpath:
      if invalidReason subpath != null then
        throw ''
          lib.path.subpath.normalise: Argument is not a valid subpath string:
              ${invalidReason subpath}''
      else joinComponents (splitSubpath subpath);
  };
}
