# source: NixOS manual, Writing NixOS Modules: modules receive the final `config`, so one option's default may use another's value
# expect: { greeting = "hello, jdoe"; user = "jdoe"; }
with import ../harness.nix;
config [
  ({ config, ... }: {
    options.user = mkOption { type = types.str; };
    options.greeting = mkOption { type = types.str; default = "hello, ${config.user}"; };
  })
  { user = "jdoe"; }
]
