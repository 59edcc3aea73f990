# source: nixpkgs lib/tests (types descriptions) and lib/types.nix pathWith: descriptions and checks of pathWith
# expect: { absoluteRejectsRelative = false; descriptions = [ "path" "absolute path" "path in the Nix store" "absolute path in the Nix store" "relative path" "path not in the Nix store" "absolute path not in the Nix store" ]; externalRejectsPathValue = false; externalTakesString = true; relativeTakesRelative = true; }
with import ../harness.nix;
let t = types; in
{
  descriptions = map (x: x.description) [
    (t.pathWith { }) (t.pathWith { absolute = true; }) (t.pathWith { inStore = true; })
    (t.pathWith { absolute = true; inStore = true; }) (t.pathWith { absolute = false; })
    (t.pathWith { inStore = false; }) t.externalPath
  ];
  absoluteRejectsRelative = t.path.check "a/b";
  relativeTakesRelative = (t.pathWith { absolute = false; }).check "a/b";
  externalTakesString = t.externalPath.check "/run/secrets/key";
  externalRejectsPathValue = t.externalPath.check /run/secrets/key;
}
