# source: nixpkgs lib/types.nix checkV2MergeCoherence: replacing only `check` of a type that checks while merging is rejected, pointing to addCheck
# expect-error: The option `l' has a type `list of signed integer' that uses
# expect-error: an ad-hoc `type // { check = ...; }' override, which is incompatible with
# expect-error: the v2 merge mechanism.
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf types.int // { check = x: builtins.isList x && x != [ ]; }; }; }
  { l = [ 1 ]; }
]).l
