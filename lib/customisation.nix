# lib.customisation: overridable function results, callPackage, scopes.
{ lib }:
let
  inherit (builtins) isAttrs attrNames intersectAttrs removeAttrs head length elemAt concatStringsSep;
  inherit (lib.trivial) isFunction functionArgs setFunctionArgs mirrorFunctionArgs;
  inherit (lib.attrsets) isDerivation filterAttrs;
in
rec {
  # Rebuild a derivation with attributes changed by f (the old way).
  overrideDerivation = drv: f:
    let
      newDrv = derivation (drv.drvAttrs // (f drv));
    in
    lib.trivial.flip (extendDerivation (builtins.seq drv.drvPath true)) newDrv (
      { meta = drv.meta or { }; passthru = drv.passthru or { }; }
      // (drv.passthru or { })
      // lib.attrsets.optionalAttrs (drv ? __spliced) {
        __spliced = { } // (builtins.mapAttrs (_: sDrv: overrideDerivation sDrv f) drv.__spliced);
      });

  # f's result gains `override` (re-call with changed arguments) and, for
  # attribute sets, `overrideDerivation` / `overrideAttrs` that stay
  # overridable.
  makeOverridable = f:
    let
      mirrorArgs = mirrorFunctionArgs f;
    in
    mirrorArgs (origArgs:
      let
        result = f origArgs;
        overrideWith = newArgs: origArgs // (if isFunction newArgs then newArgs origArgs else newArgs);
        overrideArgs = mirrorArgs (newArgs: makeOverridable f (overrideWith newArgs));
        overrideResult = g: makeOverridable (mirrorArgs (args: g (f args))) origArgs;
      in
      if isAttrs result then
        result // {
          override = overrideArgs;
          overrideDerivation = fdrv: overrideResult (x: overrideDerivation x fdrv);
          ${if result ? overrideAttrs then "overrideAttrs" else null} = fdrv: overrideResult (x: x.overrideAttrs fdrv);
        }
      else if isFunction result then
        setFunctionArgs result (functionArgs result) // { override = overrideArgs; }
      else result);

  callPackageWith = autoArgs: fn: args:
    let
      f = if isFunction fn then fn else import fn;
      fargs = functionArgs f;
      allArgs = intersectAttrs fargs autoArgs // args;
      # Arguments without a default that nobody supplied.
      missingArgs = filterAttrs (name: hasDefault: !hasDefault) (removeAttrs fargs (attrNames allArgs));
      suggestionsFor = arg:
        lib.trivial.pipe (autoArgs // args) [
          attrNames
          (builtins.filter (lib.strings.levenshteinAtMost 2 arg))
          (lib.lists.sortOn (lib.strings.levenshtein arg))
          (lib.lists.take 3)
          (map (x: "\"" + x + "\""))
        ];
      showSuggestions = s:
        if s == [ ] then ""
        else if length s == 1 then ", did you mean ${elemAt s 0}?"
        else ", did you mean ${concatStringsSep ", " (lib.lists.init s)} or ${lib.lists.last s}?";
      errorFor = arg:
        let
          loc = builtins.unsafeGetAttrPos arg fargs;
          where =
            if loc != null then loc.file + ":" + toString loc.line
            else if !isFunction fn then
              toString fn + lib.strings.optionalString (lib.filesystem.pathIsDirectory fn) "/default.nix"
            else "<unknown location>";
        in
        "Function called without required argument \"${arg}\" at " + "${where}${showSuggestions (suggestionsFor arg)}";
    in
    if missingArgs == { } then makeOverridable f allArgs
    else abort "lib.customisation.callPackageWith: ${errorFor (head (attrNames missingArgs))}";

  callPackagesWith = autoArgs: fn: args:
    let
      f = if isFunction fn then fn else import fn;
      auto = intersectAttrs (functionArgs f) autoArgs;
      mirrorArgs = mirrorFunctionArgs f;
      origArgs = auto // args;
      pkgs = f origArgs;
      overridableAttr = name: _: makeOverridable (mirrorArgs (newArgs: (f newArgs).${name})) origArgs;
    in
    if isDerivation pkgs then
      throw ("function `callPackages` was called on a *single* derivation "
        + "\"${pkgs.name or "<unknown-name>"}\";"
        + " did you mean to use `callPackage` instead?")
    else builtins.mapAttrs overridableAttr pkgs;

  # Add passthru attributes to a derivation and all its outputs; `condition`
  # must hold when drvPath/outPath are used.
  extendDerivation = condition: passthru: drv:
    let
      outputs = drv.outputs or [ "out" ];
      commonAttrs = drv // (builtins.listToAttrs outputsList) // { all = map (x: x.value) outputsList; } // passthru;
      outputToAttr = outputName: {
        name = outputName;
        value = commonAttrs // {
          inherit (drv.${outputName}) type outputName;
          outputSpecified = true;
          drvPath = assert condition; drv.${outputName}.drvPath;
          outPath = assert condition; drv.${outputName}.outPath;
        } // lib.attrsets.optionalAttrs (passthru ? overrideAttrs) {
          overrideAttrs = f: (passthru.overrideAttrs f).${outputName};
        };
      };
      outputsList = map outputToAttr outputs;
    in
    commonAttrs // {
      drvPath = assert condition; drv.drvPath;
      outPath = assert condition; drv.outPath;
    };

  # Strip a derivation down to what Hydra needs.
  hydraJob = drv:
    let
      outputs = drv.outputs or [ "out" ];
      commonAttrs = { inherit (drv) name system meta; inherit outputs; }
        // lib.attrsets.optionalAttrs (drv._hydraAggregate or false) {
          _hydraAggregate = true;
          constituents = map hydraJob (lib.lists.flatten drv.constituents);
        }
        // builtins.listToAttrs outputsList;
      makeOutput = outputName:
        let output = drv.${outputName};
        in { name = outputName; value = commonAttrs // { outPath = output.outPath; drvPath = output.drvPath; type = "derivation"; inherit outputName; }; };
      outputsList = map makeOutput outputs;
      drv' = (lib.lists.head outputsList).value;
    in
    if drv == null then null else lib.trivial.deepSeq drv' drv';

  makeScope = newScope: f:
    let
      self = f self // {
        newScope = scope: newScope (self // scope);
        callPackage = self.newScope { };
        overrideScope = g: makeScope newScope (lib.fixedPoints.extends g f);
        packages = f;
      };
    in
    self;
}
