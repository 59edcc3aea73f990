# source: nixpkgs lib/types.nix attrTag: the single attribute must be one of the tags
# expect-error: A definition for option `rule' is not of type `attribute-tagged union with choices: drop, forward'.
with import ../harness.nix;
(config [
  { options.rule = mkOption { type = types.attrTag { drop = mkOption { type = types.bool; }; forward = mkOption { type = types.str; }; }; }; }
  { rule.reject = true; }
]).rule
