# lib.lists: list functions.  Everything is built on the Nix 2.8 builtins
# (genList, elemAt, foldl', sort, ...); newer builtins are used only when
# present (`builtins ? name`), with an equivalent fallback.
{ lib }:
let
  inherit (builtins)
    head tail length isList elemAt concatLists filter elem genList map
    foldl' concatMap any all sort partition;
  min = a: b: if a < b then a else b;
  max = a: b: if a > b then a else b;
in
rec {
  inherit (builtins)
    head tail length isList elemAt concatLists filter elem genList map
    concatMap any all sort partition;

  singleton = x: [ x ];
  forEach = xs: f: map f xs;

  # Right fold: foldr op nul [x1 x2] = op x1 (op x2 nul).
  foldr = op: nul: list:
    let
      len = length list;
      go = n: if n == len then nul else op (elemAt list n) (go (n + 1));
    in
    go 0;
  fold = foldr;

  # Left fold: foldl op nul [x1 x2] = op (op nul x1) x2.
  foldl = op: nul: list:
    let
      go = n: if n == -1 then nul else op (go (n - 1)) (elemAt list n);
    in
    go (length list - 1);

  # Strict left fold; forces the initial accumulator as current nixpkgs does.
  foldl' = op: acc: builtins.seq acc (builtins.foldl' op acc);

  imap0 = f: list: genList (n: f n (elemAt list n)) (length list);
  imap1 = f: list: genList (n: f (n + 1) (elemAt list n)) (length list);

  ifilter0 = ipred: input:
    map (idx: elemAt input idx)
      (filter (idx: ipred idx (elemAt input idx)) (genList (x: x) (length input)));

  flatten = x: if isList x then concatMap (y: flatten y) x else [ x ];

  remove = e: filter (x: x != e);

  findSingle = pred: default: multiple: list:
    let
      found = filter pred list;
      n = length found;
    in
    if n == 0 then default else if n != 1 then multiple else head found;

  findFirstIndex = pred: default: list:
    let
      len = length list;
      go = i: if i == len then default else if pred (elemAt list i) then i else go (i + 1);
    in
    go 0;

  findFirst = pred: default: list:
    let idx = findFirstIndex pred null list;
    in if idx == null then default else elemAt list idx;

  count = pred: foldl' (c: x: if pred x then c + 1 else c) 0;

  optional = cond: elem: if cond then [ elem ] else [ ];
  optionals = cond: elems: if cond then elems else [ ];

  toList = x: if isList x then x else [ x ];

  range = first: last:
    if first > last then [ ] else genList (n: first + n) (last - first + 1);

  replicate = n: elem: genList (_: elem) n;

  groupBy =
    if builtins ? groupBy then builtins.groupBy
    else
      pred: foldl' (r: e:
        let key = pred e;
        in r // { ${key} = (r.${key} or [ ]) ++ [ e ]; }) { };

  groupBy' = op: nul: pred: lst: builtins.mapAttrs (name: foldl op nul) (groupBy pred lst);

  zipListsWith = f: fst: snd:
    genList (n: f (elemAt fst n) (elemAt snd n)) (min (length fst) (length snd));

  zipLists = zipListsWith (fst: snd: { inherit fst snd; });

  reverseList = xs:
    let l = length xs;
    in genList (n: elemAt xs (l - n - 1)) l;

  # Depth-first search from the head of `list` following `before`.
  listDfs = stopOnCycles: before: list:
    let
      dfs' = us: visited: rest:
        let
          c = filter (x: before x us) visited;
          b = partition (x: before x us) rest;
        in
        if stopOnCycles && (length c > 0) then
          { cycle = us; loops = c; inherit visited rest; }
        else if length b.right == 0 then
          { minimal = us; inherit visited rest; }
        else
          dfs' (head b.right) ([ us ] ++ visited) (tail b.right ++ b.wrong);
    in
    dfs' (head list) [ ] (tail list);

  # Topological sort: { result = [...]; } or { cycle = [...]; loops = [...]; }.
  toposort = before: list:
    let
      dfsthis = listDfs true before list;
      toporest = toposort before (dfsthis.visited ++ dfsthis.rest);
    in
    if length list < 2 then { result = list; }
    else if dfsthis ? cycle then
      { cycle = reverseList ([ dfsthis.cycle ] ++ dfsthis.visited); inherit (dfsthis) loops; }
    else if toporest ? cycle then toporest
    else { result = [ dfsthis.minimal ] ++ toporest.result; };

  sortOn = f: list:
    let
      pairs = map (x: [ (f x) x ]) list;
    in
    map (p: elemAt p 1) (sort (a: b: head a < head b) pairs);

  compareLists = cmp: a: b:
    if a == [ ] then (if b == [ ] then 0 else -1)
    else if b == [ ] then 1
    else
      let rel = cmp (head a) (head b);
      in if rel == 0 then compareLists cmp (tail a) (tail b) else rel;

  # Sort strings so that embedded numbers compare numerically.
  naturalSort = lst:
    let
      vectorise = s: map (x: if isList x then builtins.fromJSON (head x) else x) (builtins.split "(0|[1-9][0-9]*)" s);
      prepared = map (x: [ (vectorise x) x ]) lst;
      less = a: b: (compareLists lib.trivial.compare (head a) (head b)) < 0;
    in
    map (x: elemAt x 1) (sort less prepared);

  take = count: sublist 0 count;
  drop = count: list: sublist count (length list) list;
  takeEnd = n: xs: drop (max 0 (length xs - n)) xs;
  dropEnd = n: xs: take (max 0 (length xs - n)) xs;

  hasPrefix = list1: list2: take (length list1) list2 == list1;

  removePrefix = list1: list2:
    if hasPrefix list1 list2 then drop (length list1) list2
    else throw "lib.lists.removePrefix: First argument is not a list prefix of the second argument";

  sublist = start: count: list:
    let
      len = length list;
      n = if start >= len then 0 else if start + count > len then len - start else count;
    in
    genList (i: elemAt list (i + start)) (if n < 0 then 0 else n);

  commonPrefix = list1: list2:
    let
      n = min (length list1) (length list2);
      firstDiff = findFirstIndex (i: elemAt list1 i != elemAt list2 i) n (genList (i: i) n);
    in
    take firstDiff list1;

  last = list:
    assert lib.assertMsg (list != [ ]) "lists.last: list must not be empty!";
    elemAt list (length list - 1);

  init = list:
    assert lib.assertMsg (list != [ ]) "lists.init: list must not be empty!";
    take (length list - 1) list;

  crossLists = lib.warn
    "lib.crossLists is deprecated, use lib.mapCartesianProduct instead."
    (f: foldl (fs: args: concatMap (f: map f args) fs) [ f ]);

  unique = foldl' (acc: e: if elem e acc then acc else acc ++ [ e ]) [ ];

  allUnique = list: length (unique list) == length list;

  intersectLists = e: filter (x: elem x e);
  subtractLists = e: filter (x: !(elem x e));

  mutuallyExclusive = a: b: length a == 0 || !(any (x: elem x a) b);

  concatAttrValues = set: concatLists (builtins.attrValues set);

  replaceElemAt = list: idx: newElem:
    assert lib.assertMsg (idx >= 0 && idx < length list)
      "'lists.replaceElemAt' called with index ${toString idx} on a list of size ${toString (length list)}";
    genList (i: if i == idx then newElem else elemAt list i) (length list);

  insertAt = idx: value: list:
    let len = length list;
    in
    if idx < 0 || idx > len then
      throw "lib.lists.insertAt: index ${toString idx} is out of bounds for a list of length ${toString len}"
    else genList (i: if i < idx then elemAt list i else if i == idx then value else elemAt list (i - 1)) (len + 1);
}
