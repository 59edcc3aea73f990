# lib.attrsets: attribute set functions (paths into sets, mapping,
# filtering, zipping, recursive merging, derivation outputs).
{ lib }:
let
  inherit (builtins)
    head tail length isAttrs isList attrNames attrValues listToAttrs
    mapAttrs concatMap filter elemAt foldl' hasAttr getAttr;
  inherit (lib.strings) concatStringsSep concatMapStringsSep escapeNixIdentifier;
in
rec {
  inherit (builtins) attrNames attrValues listToAttrs hasAttr isAttrs getAttr removeAttrs intersectAttrs catAttrs mapAttrs;

  attrByPath = attrPath: default: set:
    let
      len = length attrPath;
      go = n: s:
        if n == len then s
        else
          let name = elemAt attrPath n;
          in if s ? ${name} then go (n + 1) s.${name} else default;
    in
    go 0 set;

  hasAttrByPath = attrPath: e:
    let
      len = length attrPath;
      go = n: s:
        if n == len then true
        else
          let name = elemAt attrPath n;
          in s ? ${name} && go (n + 1) s.${name};
    in
    go 0 e;

  # The longest prefix of attrPath that exists in v.
  longestValidPathPrefix = attrPath: v:
    let
      len = length attrPath;
      go = n: s:
        if n == len then attrPath
        else
          let name = elemAt attrPath n;
          in if isAttrs s && s ? ${name} then go (n + 1) s.${name} else lib.lists.take n attrPath;
    in
    go 0 v;

  setAttrByPath = attrPath: value:
    let
      len = length attrPath;
      go = n: if n == len then value else { ${elemAt attrPath n} = go (n + 1); };
    in
    go 0;

  getAttrFromPath = attrPath: set:
    attrByPath attrPath (abort ("cannot find attribute '" + concatStringsSep "." attrPath + "'")) set;

  concatMapAttrs = f: v: foldl' (a: b: a // b) { } (attrValues (mapAttrs f v));

  # Apply many { path, update } edits.  At each level the edits of deeper
  # paths are applied first, then the edits of this exact path in order; a
  # missing value only fails if an update function actually looks at it.
  updateManyAttrsByPath =
    let
      go = depth: hasValue: value: updates:
        let
          here = filter (u: length u.path == depth) updates;
          deeper = filter (u: length u.path != depth) updates;
          groups = lib.lists.groupBy (u: elemAt u.path depth) deeper;
          firstPath = (head updates).path;
          withNested =
            if deeper == [ ] then
              (if hasValue then value
               else throw "updateManyAttrsByPath: Path '${showAttrPath (head here).path}' does not exist in the expression")
            else if hasValue then
              (if isAttrs value then
                value // mapAttrs (name: go (depth + 1) (value ? ${name}) (value.${name} or null)) groups
              else
                throw "updateManyAttrsByPath: Path '${showAttrPath firstPath}' needs to be updated, but path '${showAttrPath (lib.lists.take depth firstPath)}' of the given value is not an attribute set, so we can't update an attribute inside of it.")
            else mapAttrs (name: go (depth + 1) false null) groups;
        in
        foldl' (acc: u: u.update acc) withNested here;
    in
    updates: value: go 0 true value updates;

  attrVals = nameList: set: map (x: set.${x}) nameList;

  getAttrs = names: attrs: genAttrs names (name: attrs.${name});

  filterAttrs = pred: set:
    removeAttrs set (filter (name: !pred name set.${name}) (attrNames set));

  filterAttrsRecursive = pred: set:
    listToAttrs (concatMap (name:
      let v = set.${name};
      in
      if pred name v then
        [ (nameValuePair name (if isAttrs v then filterAttrsRecursive pred v else v)) ]
      else [ ]) (attrNames set));

  foldlAttrs = f: init: set: foldl' (acc: name: f acc name set.${name}) init (attrNames set);

  foldAttrs = op: nul: list_of_attrs:
    lib.lists.foldr (n: a:
      foldl' (o: name: o // { ${name} = op n.${name} (a.${name} or nul); }) a (attrNames n))
      { } list_of_attrs;

  collect = pred: attrs:
    if pred attrs then [ attrs ]
    else if isAttrs attrs then concatMap (collect pred) (attrValues attrs)
    else [ ];

  cartesianProduct = attrsOfLists:
    foldl' (listOfAttrs: attrName:
      concatMap (attrs: map (listValue: attrs // { ${attrName} = listValue; }) attrsOfLists.${attrName}) listOfAttrs)
      [ { } ] (attrNames attrsOfLists);

  cartesianProductOfSets = lib.warnIf (lib.oldestSupportedReleaseIsAtLeast 2411)
    "lib.cartesianProductOfSets is a deprecated alias of lib.cartesianProduct." cartesianProduct;

  mapCartesianProduct = f: attrsOfLists: map f (cartesianProduct attrsOfLists);

  nameValuePair = name: value: { inherit name value; };

  mapAttrs' = f: set: listToAttrs (map (attr: f attr set.${attr}) (attrNames set));

  mapAttrsToList = f: attrs: map (name: f name attrs.${name}) (attrNames attrs);

  attrsToList = mapAttrsToList nameValuePair;

  mapAttrsRecursive = f: set: mapAttrsRecursiveCond (as: true) f set;

  mapAttrsRecursiveCond = cond: f: set:
    let
      recurse = path:
        mapAttrs (name: value:
          if isAttrs value && cond value then recurse (path ++ [ name ]) value
          else f (path ++ [ name ]) value);
    in
    recurse [ ] set;

  genAttrs = names: f: genAttrs' names (n: nameValuePair n (f n));
  genAttrs' = xs: f: listToAttrs (map f xs);

  isDerivation = value: value.type or null == "derivation";

  toDerivation = path:
    let
      path' = builtins.storePath path;
      res = {
        type = "derivation";
        name = lib.strings.sanitizeDerivationName (builtins.substring 33 (-1) (baseNameOf path'));
        outPath = path';
        outputs = [ "out" ];
        out = res;
        outputName = "out";
      };
    in
    res;

  optionalAttrs = cond: as: if cond then as else { };

  zipAttrsWithNames = names: f: sets:
    listToAttrs (map (name: { inherit name; value = f name (builtins.catAttrs name sets); }) names);

  zipAttrsWith =
    if builtins ? zipAttrsWith then builtins.zipAttrsWith
    else f: sets: zipAttrsWithNames (lib.lists.unique (concatMap attrNames sets)) f sets;

  zipAttrs = zipAttrsWith (name: values: values);

  mergeAttrsList = list:
    let
      # Merge pairwise in a balanced tree: fewer large copies than a fold.
      binaryMerge = start: end:
        if end - start >= 2 then
          binaryMerge start (start + (end - start) / 2) // binaryMerge (start + (end - start) / 2) end
        else elemAt list start;
    in
    if list == [ ] then { } else binaryMerge 0 (length list);

  recursiveUpdateUntil = pred: lhs: rhs:
    let
      f = attrPath:
        zipAttrsWith (n: values:
          let here = attrPath ++ [ n ];
          in
          if length values == 1 || pred here (elemAt values 1) (head values) then head values
          else f here values);
    in
    f [ ] [ rhs lhs ];

  recursiveUpdate = lhs: rhs:
    recursiveUpdateUntil (path: lhs: rhs: !(isAttrs lhs && isAttrs rhs)) lhs rhs;

  matchAttrs = pattern: attrs:
    assert isAttrs pattern;
    lib.lists.all (attr:
      let
        lhs = pattern.${attr};
        rhs = attrs.${attr};
      in
      attrs ? ${attr} && (if isAttrs lhs then isAttrs rhs && matchAttrs lhs rhs else lhs == rhs))
      (attrNames pattern);

  overrideExisting = old: new: mapAttrs (name: value: new.${name} or value) old;

  showAttrPath = path:
    if path == [ ] then "<root attribute path>" else concatMapStringsSep "." escapeNixIdentifier path;

  getOutput = output: pkg:
    if !(pkg ? outputSpecified) || !pkg.outputSpecified then pkg.${output} or pkg.out or pkg else pkg;

  getFirstOutput = candidates: pkg:
    let
      outputs = builtins.filter (name: hasAttr name pkg) candidates;
      output = builtins.head outputs;
    in
    if pkg.outputSpecified or false || outputs == [ ] then pkg else pkg.${output};

  getBin = getOutput "bin";
  getLib = getOutput "lib";
  getStatic = getFirstOutput [ "static" "lib" "out" ];
  getDev = getOutput "dev";
  getInclude = getFirstOutput [ "include" "dev" "out" ];
  getMan = getOutput "man";

  chooseDevOutputs = builtins.map getDev;

  recurseIntoAttrs = attrs: attrs // { recurseForDerivations = true; };
  dontRecurseIntoAttrs = attrs: attrs // { recurseForDerivations = false; };

  unionOfDisjoint = x: y:
    let
      intersection = builtins.intersectAttrs x y;
      collisions = concatStringsSep " " (attrNames intersection);
      mask = mapAttrs (name: value:
        throw "unionOfDisjoint: collision on ${name}; complete list: ${collisions}") intersection;
    in
    (x // y) // mask;

  zipWithNames = lib.warn "lib.zipWithNames is a deprecated alias of lib.zipAttrsWithNames." zipAttrsWithNames;
  zip = lib.warn "lib.zip is a deprecated alias of lib.zipAttrsWith." zipAttrsWith;
}
