# source: nixpkgs lib docs, lib.modules.importApply: imports a module file that is a function of a static argument, keeping its file name
# expect: { file = "static-arg.nix"; value = "static"; }
with import ../harness.nix;
let e = eval [
  ./modules/packages.nix
  (lib.modules.importApply ./modules/static-arg.nix "static")
]; in { value = e.config.label; file = baseNameOf (builtins.head e.options.label.declarations); }
