# source: nixpkgs lib/types.nix attrsOf getSubOptions: sub-options documented under the placeholder <name>
# expect: [ "users" "<name>" "shell" ]
with import ../harness.nix;
let o = (eval [
  { options.users = mkOption { type = types.attrsOf (types.submodule { options.shell = mkOption { type = types.str; }; }); }; }
]).options; in
(o.users.type.getSubOptions [ "users" ]).shell.loc
