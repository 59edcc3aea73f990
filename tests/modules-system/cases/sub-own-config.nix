# source: NixOS manual, Option Types, Submodule: submodules are modules and receive their own `config`
# expect: { full = "Jane Doe"; given = "Jane"; last = "Doe"; }
with import ../harness.nix;
(config [
  { options.person = mkOption {
      type = types.submodule ({ config, ... }: {
        options.given = mkOption { type = types.str; };
        options.last = mkOption { type = types.str; };
        options.full = mkOption { type = types.str; default = "${config.given} ${config.last}"; };
      });
    }; }
  { person = { given = "Jane"; last = "Doe"; }; }
]).person
