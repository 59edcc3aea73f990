# lib.fixedPoints: fixpoints and overlay-style extension of attribute sets.
{ lib }:
rec {
  # The least fixed point of f: the value x such that x = f x (lazily).
  fix = f: let x = f x; in x;

  # Like fix, but also exposes the unfixed function as __unfix__.
  fix' = f:
    let x = f x // { __unfix__ = f; };
    in x;

  # Iterate f from x until the value stops changing.
  converge = f: x:
    let next = f x;
    in if x == next then x else converge f next;

  # Apply an overlay `final: prev: {...}` to a fixpoint function.
  extends = overlay: f:
    final:
    let prev = f final;
    in prev // overlay final prev;

  composeExtensions = f: g: final: prev:
    let
      fApplied = f final prev;
      prev' = prev // fApplied;
    in
    fApplied // g final prev';

  composeManyExtensions = lib.lists.foldr (x: y: composeExtensions x y) (final: prev: { });

  makeExtensible = makeExtensibleWithCustomName "extend";

  makeExtensibleWithCustomName = extenderName: rattrs:
    fix' (self: (rattrs self) // {
      ${extenderName} = f: makeExtensibleWithCustomName extenderName (extends f rattrs);
    });

  # Turn an attribute set, a `prev: ...` or a `final: prev: ...` into an overlay.
  toExtension = f:
    if lib.isFunction f then
      final: prev:
      let fPrev = f prev;
      in if lib.isFunction fPrev then f final prev else fPrev
    else
      final: prev: f;
}
