# source: NixOS manual, Option Definitions: priorities apply to each option, also inside submodules
# expect: { a = "forced"; b = "user"; }
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.submodule { options.a = mkOption { type = types.str; default = "dflt"; }; options.b = mkOption { type = types.str; default = "dflt"; }; }; }; }
  { s.a = mkForce "forced"; s.b = mkDefault "module-default"; }
  { s = { a = "user"; b = "user"; }; }
]).s
