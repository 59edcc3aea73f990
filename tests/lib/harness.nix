# Runs one test file of the lib suite: imports it with hearth's lib and
# turns each { name, expr, expected } into { name, ok } plus, for a failure,
# the expected and actual values (printed by the evaluator's --json).  A
# case whose expr throws fails with got = "<error>"; the other cases of the
# file still run.  No builtins.toJSON here, so the harness itself needs only
# the core language from the evaluator under test.
{ file, prefix }:
let
  lib = import ../../lib;
  cases = import file { inherit lib; };
  run = t:
    let
      r = builtins.tryEval (builtins.deepSeq t.expr t.expr);
      ok = r.success && r.value == t.expected;
    in
    { name = "${prefix}/${t.name}"; inherit ok; }
    // (if ok then { } else {
      expected = t.expected;
      got = if r.success then r.value else "<error>";
    });
in
map run cases
