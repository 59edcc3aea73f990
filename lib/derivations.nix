# lib.derivations: helpers around derivation values.
{ lib }:
{
  # A derivation-shaped value whose attributes do not force `derivation`.
  lazyDerivation = { derivation, meta ? null, passthru ? { }, outputs ? derivation.outputs }:
    let
      checked =
        if derivation.type or null == "derivation" then derivation
        else throw "lazyDerivation: input must be a derivation.";
    in
    passthru // {
      type = "derivation";
      outPath = checked.outPath;
      drvPath = checked.drvPath;
      outputName = checked.outputName;
      inherit outputs;
      name = checked.name;
      system = checked.system;
      meta = if meta != null then meta else checked.meta or { };
    } // lib.attrsets.genAttrs outputs (o: checked.${o});

  optionalDrvAttr = cond: value: if cond then value else null;

  warnOnInstantiate = msg: drv:
    let drvToWrap = builtins.removeAttrs drv [ "meta" "name" "type" ];
    in drv // builtins.mapAttrs (_: lib.trivial.warn msg) drvToWrap;
}
