# source: nixpkgs lib/modules.nix mkRemovedOptionModule: defining a removed option fails an assertion with this message
# expect: [ { assertion = false; message = "The option definition `programs.foo.theme' in `/home/jdoe/.config/home-manager/home.nix' no longer has any effect; please remove it.\nUse programs.foo.style instead.\n"; } ]
with import ../harness.nix;
(config [
  { options.assertions = mkOption { type = types.listOf types.attrs; default = [ ]; }; }
  (lib.mkRemovedOptionModule [ "programs" "foo" "theme" ] "Use programs.foo.style instead.")
  { _file = home; programs.foo.theme = "dark"; }
]).assertions
