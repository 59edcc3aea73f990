# source: NixOS manual, Option Types: types.envVar "multiple definitions are concatenated with a collon"
# expect: "/a:/b"
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.envVar; }; }
  { x = mkAfter "/b"; }
  { x = "/a"; }
]).x
