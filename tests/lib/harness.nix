# Runs one test file of the lib suite: imports it with hearth's lib and
# turns each { name, expr, expected } into { name, ok, expected, got } where
# expected/got are JSON texts.  A case whose expr throws is a failure with
# got = "<error>"; the other cases of the file still run.
{ file, prefix }:
let
  lib = import ../../lib;
  cases = import file { inherit lib; };
  json = v:
    let r = builtins.tryEval (builtins.toJSON v);
    in if r.success then r.value else "<not representable as JSON>";
  run = t:
    let
      r = builtins.tryEval (builtins.deepSeq t.expr t.expr);
    in
    {
      name = "${prefix}/${t.name}";
      ok = r.success && r.value == t.expected;
      expected = json t.expected;
      got = if r.success then json r.value else "<error>";
    };
in
map run cases
