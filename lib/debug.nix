# lib.debug: tracing helpers and the runTests harness.
{ lib }:
let
  inherit (builtins) trace deepSeq isAttrs isList attrNames elem substring;
in
rec {
  traceIf = pred: msg: x: if pred then trace msg x else x;
  traceValFn = f: x: trace (f x) x;
  traceVal = traceValFn (x: x);
  traceSeq = x: y: trace (deepSeq x x) y;

  # Trace x down to a given depth; deeper values print as "…".
  traceSeqN = depth: x: y:
    let
      # Printed without quotes, through toPretty's __pretty hook.
      bare = text: v: { __pretty = _: text; val = v; };
      snip = v: if isList v then bare "[…]" v else if isAttrs v then bare "{…}" v else v;
      cut = d: v:
        if d == 0 then snip v
        else if isList v then map (cut (d - 1)) v
        else if isAttrs v then builtins.mapAttrs (_: cut (d - 1)) v
        else v;
      shown = cut depth x;
    in
    trace (lib.generators.toPretty { allowPrettyValues = true; } shown) y;

  traceValSeqFn = f: v: traceValFn f (deepSeq v v);
  traceValSeq = traceValSeqFn (x: x);
  traceValSeqNFn = f: depth: v: traceSeqN depth (f v) v;
  traceValSeqN = traceValSeqNFn (x: x);

  traceFnSeqN = depth: name: f: v:
    let res = f v;
    in lib.debug.traceSeqN (depth + 1) { fn = name; from = v; to = res; } res;

  # Attribute names starting with "test" (or listed in `tests`) are run; the
  # failures are returned as { name, expected, result }.
  runTests = tests:
    lib.lists.concatLists (lib.attrsets.mapAttrsToList (name: test:
      let
        selected = if tests ? tests then tests.tests else [ ];
      in
      if (substring 0 4 name == "test" || elem name selected)
        && (selected == [ ] || elem name selected)
        && test.expr != test.expected
      then [ { inherit name; expected = test.expected; result = test.expr; } ]
      else [ ]) tests);

  testAllTrue = expr: { inherit expr; expected = map (x: true) expr; };
}
