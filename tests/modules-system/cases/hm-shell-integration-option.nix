# source: Home Manager lib.hm.shell.mkBashIntegrationOption: default follows home.shell.enableBashIntegration
# expect: { default = true; description = "Whether to enable Bash integration."; type = "boolean"; }
with import ../harness.nix;
let o = lib.hm.shell.mkBashIntegrationOption { config.home.shell.enableBashIntegration = true; }; in
{ inherit (o) default description; type = o.type.description; }
