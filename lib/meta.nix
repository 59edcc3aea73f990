# lib.meta: derivation meta attributes, names, priorities, platforms,
# licenses by SPDX id, and getExe.
{ lib }:
let
  inherit (builtins) isString match typeOf;
  inherit (lib.attrsets) isDerivation getBin mapAttrs' filterAttrs matchAttrs;
  inherit (lib.asserts) assertMsg;
in
rec {
  addMetaAttrs = newAttrs: drv:
    if drv ? overrideAttrs
    then drv.overrideAttrs (old: { meta = (old.meta or { }) // newAttrs; })
    else drv // { meta = (drv.meta or { }) // newAttrs; };

  dontDistribute = drv: addMetaAttrs { hydraPlatforms = [ ]; } drv;

  setName = name: drv: drv // { inherit name; };
  updateName = updater: drv: drv // { name = updater drv.name; };
  appendToName = suffix: updateName (name:
    let parsed = builtins.parseDrvName name;
    in "${parsed.name}-${suffix}-${parsed.version}");

  mapDerivationAttrset = f: set: builtins.mapAttrs (name: pkg: if isDerivation pkg then f pkg else pkg) set;

  defaultPriority = 5;
  setPrio = priority: addMetaAttrs { inherit priority; };
  lowPrio = setPrio 10;
  lowPrioSet = set: mapDerivationAttrset lowPrio set;
  hiPrio = setPrio (-10);
  hiPrioSet = set: mapDerivationAttrset hiPrio set;

  # A meta.platforms element is a system string or a pattern over the
  # platform structure.
  platformMatch = platform: elem:
    if isString elem then platform ? system && elem == platform.system
    else matchAttrs (if elem ? parsed then elem else { parsed = elem; }) platform;

  availableOn = platform: pkg:
    ((!pkg ? meta.platforms) || lib.lists.any (platformMatch platform) pkg.meta.platforms)
    && lib.lists.all (elem: !platformMatch platform elem) (pkg.meta.badPlatforms or [ ]);

  licensesSpdx = mapAttrs' (_: license: { name = license.spdxId; value = license; })
    (filterAttrs (_: license: license ? spdxId) lib.licenses);

  getLicenseFromSpdxId = licstr:
    getLicenseFromSpdxIdOr licstr
      (lib.trivial.warn "getLicenseFromSpdxId: No license matches the given SPDX ID: ${licstr}" { shortName = licstr; });

  getLicenseFromSpdxIdOr =
    let
      byLowerId = mapAttrs' (id: value: { name = lib.strings.toLower id; inherit value; }) licensesSpdx;
    in
    licstr: default: byLowerId.${lib.strings.toLower licstr} or default;

  getExe = x:
    getExe' x (x.meta.mainProgram or (lib.trivial.warn
      "getExe: Package ${lib.strings.escapeNixIdentifier x.meta.name or x.pname or x.name} does not have the meta.mainProgram attribute. We'll assume that the main program has the same name for now, but this behavior is deprecated, because it leads to surprising errors when the assumption does not hold. If the package has a main program, please set `meta.mainProgram` in its definition to make this warning go away. Otherwise, if the package does not have a main program, or if you don't control its definition, use getExe' to specify the name to the program, such as lib.getExe' foo \"bar\"."
      (lib.strings.getName x)));

  getExe' = x: y:
    assert assertMsg (isDerivation x)
      "lib.meta.getExe': The first argument is of type ${typeOf x}, but it should be a derivation instead.";
    assert assertMsg (isString y)
      "lib.meta.getExe': The second argument is of type ${typeOf y}, but it should be a string instead.";
    assert assertMsg (match ".*/.*" y == null)
      "lib.meta.getExe': The second argument \"${y}\" is a nested path with a \"/\" character, but it should just be the name of the executable instead.";
    "${getBin x}/bin/${y}";

  cpeFullVersionWithVendor = vendor: version: { inherit vendor version; update = "*"; };

  tryCPEPatchVersionInUpdateWithVendor = vendor: version:
    let
      regex = "([0-9]+\\.[0-9]+)\\.([0-9]+)";
      m = match regex (toString version);
    in
    if m == null then { success = false; error = "version ${version} doesn't match regex `${regex}`"; }
    else { success = true; value = { inherit vendor; version = builtins.elemAt m 0; update = builtins.elemAt m 1; }; };

  cpePatchVersionInUpdateWithVendor = vendor: version:
    let r = tryCPEPatchVersionInUpdateWithVendor vendor version;
    in if r.success then r.value else throw r.error;
}
