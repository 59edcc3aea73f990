# lib.asserts: assertions with readable messages.
{ lib }:
rec {
  # `assert assertMsg cond msg; ...` fails with msg instead of a bare
  # "assertion failed".
  assertMsg = pred: msg: pred || builtins.throw msg;

  assertOneOf = name: val: xs:
    assertMsg (lib.elem val xs)
      "${name} must be one of ${lib.generators.toPretty { } xs}, but is: ${lib.generators.toPretty { } val}";

  assertEachOneOf = name: vals: xs:
    assertMsg (lib.all (val: lib.elem val xs) vals)
      "each element in ${name} must be one of ${lib.generators.toPretty { } xs}, but is: ${lib.generators.toPretty { } vals}";
}
