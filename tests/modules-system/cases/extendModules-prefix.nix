# source: nixpkgs lib/modules.nix extendModules { prefix }: the extended evaluation reports paths under the new prefix
# expect-error: The option `users.jdoe.nope' does not exist.
with import ../harness.nix;
let e = eval [ { options.ok = mkOption { type = types.int; default = 1; }; } ]; in
(e.extendModules { prefix = [ "users" "jdoe" ]; modules = [ { nope = 1; } ]; }).config
