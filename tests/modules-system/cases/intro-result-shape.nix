# source: nixpkgs lib/modules.nix evalModules: the result has _type "configuration", config without _module, options, extendModules
# expect: { configNames = [ "x" ]; hasExtend = true; hasModuleOptions = true; type = "configuration"; }
with import ../harness.nix;
let e = eval [ { options.x = mkOption { type = types.int; default = 1; }; } ]; in
{ type = e._type; configNames = builtins.attrNames e.config; hasExtend = builtins.isFunction e.extendModules; hasModuleOptions = e.options ? _module; }
