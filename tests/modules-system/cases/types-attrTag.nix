# source: NixOS manual, Option Types: types.attrTag "An attribute set containing one attribute, whose name must be picked from the attribute set"
# expect: { description = "attribute-tagged union with choices: bounce, drop"; rules = { http = { bounce = { message = "use https"; }; }; ssh = { drop = { }; }; }; }
with import ../harness.nix;
let
  tag = types.attrTag {
    bounce = mkOption { type = types.submodule { options.message = mkOption { type = types.str; }; }; };
    drop = mkOption { type = types.submodule { }; };
  };
in
{
  description = tag.description;
  rules = (config [
    { options.rules = mkOption { type = types.attrsOf tag; }; }
    { rules.http.bounce.message = "use https"; rules.ssh.drop = { }; }
  ]).rules;
}
