# source: NixOS manual, Option Types, Submodule: a submodule function receives `name`, the attribute name under attrsOf
# expect: { alice = { home = "/home/alice"; shell = "bash"; }; bob = { home = "/srv/bob"; shell = "bash"; }; }
with import ../harness.nix;
(config [
  { options.users = mkOption {
      type = types.attrsOf (types.submodule ({ name, ... }: {
        options.home = mkOption { type = types.str; default = "/home/${name}"; };
        options.shell = mkOption { type = types.str; default = "bash"; };
      }));
      default = { };
    }; }
  { users.alice = { }; users.bob.home = "/srv/bob"; }
]).users
