# Directed acyclic graphs of named entries, as Home Manager's `lib.hm.dag`:
# an entry is `{ data, after, before }` (names it must come after/before), a
# DAG is an attribute set of entries, and topoSort orders it.
#
# Owns: the entry constructors (entryAnywhere/After/Before/Between and the
# entries* forms that chain a list under generated names `TAG-0`, `TAG-1`,
# ...) and topoSort, whose result is `{ result = [ { name, data } ... ]; }`
# or, for a cycle, `{ cycle = [ ... ]; loops = [ ... ]; }` with the entries
# (name, data, after) on the cycle and those closing it.
#
# topoSort works on the entries in attribute-name order and, repeatedly,
# follows "must come before" links from the first remaining entry until it
# reaches one that nothing remaining precedes, emits it, and starts again
# from the entries visited on the way followed by the rest.  This yields the
# order Home Manager users see (activation scripts, files), which depends on
# that exact traversal.
{ lib }:

let
  inherit (builtins)
    all attrNames attrValues elem filter head isAttrs length listToAttrs map
    mapAttrs partition tail;
in
rec {
  empty = { };

  isEntry = e: isAttrs e && e ? data && e ? after && e ? before;
  isDag = dag: isAttrs dag && all isEntry (attrValues dag);

  entryBetween = before: after: data: { inherit data before after; };
  entryAnywhere = entryBetween [ ] [ ];
  entryAfter = entryBetween [ ];
  entryBefore = before: entryBetween before [ ];

  # A list of data as a chain of entries TAG-0, TAG-1, ..., the first after
  # `after`, each after the previous one, all before `before`.
  entriesBetween = tag:
    let
      chain = i: before: after: entries:
        let name = "${tag}-${toString i}"; in
        if entries == [ ] then { }
        else if length entries == 1 then { ${name} = entryBetween before after (head entries); }
        else { ${name} = entryAfter after (head entries); } // chain (i + 1) before [ name ] (tail entries);
    in
    chain 0;
  entriesAnywhere = tag: entriesBetween tag [ ] [ ];
  entriesAfter = tag: entriesBetween tag [ ];
  entriesBefore = tag: before: entriesBetween tag before [ ];

  map = f: mapAttrs (n: v: v // { data = f n v.data; });

  topoSort = dag:
    let
      names = attrNames dag;
      # `before` constraints turned into `after` constraints of the other
      # entry, so that one relation describes the graph.
      nodes = builtins.map (n: {
        name = n;
        data = dag.${n}.data;
        after = dag.${n}.after ++ filter (m: elem n dag.${m}.before) names;
      }) names;
      precedes = a: b: elem a.name b.after;

      # From `node`, walk to an entry that must precede it, until one has
      # none left among `rest`; a visited entry that must precede the
      # current one is a cycle.
      walk = node: visited: rest:
        let
          loops = filter (v: precedes v node) visited;
          split = partition (v: precedes v node) rest;
        in
        if loops != [ ] then { cycle = node; inherit loops visited rest; }
        else if split.right == [ ] then { minimal = node; inherit visited rest; }
        else walk (head split.right) ([ node ] ++ visited) (tail split.right ++ split.wrong);

      sortList = list:
        if length list < 2 then { result = list; }
        else
          let
            step = walk (head list) [ ] (tail list);
            rest = sortList (step.visited ++ step.rest);
          in
          if step ? cycle then { cycle = lib'.reverse ([ step.cycle ] ++ step.visited); inherit (step) loops; }
          else if rest ? cycle then rest
          else { result = [ step.minimal ] ++ rest.result; };

      lib' = {
        reverse = l: let n = length l; in builtins.genList (i: builtins.elemAt l (n - 1 - i)) n;
      };
      sorted = sortList nodes;
    in
    if sorted ? result
    then { result = builtins.map (v: { inherit (v) name data; }) sorted.result; }
    else sorted;
}
