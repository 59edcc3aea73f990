# source: nixpkgs lib/types.nix functionTo: the merged function keeps the argument names of the definitions (read with lib.functionArgs, which reads __functionArgs)
# expect: { args = { a = false; b = true; }; result = [ "1" "2" ]; }
with import ../harness.nix;
let f = (config [
  { options.f = mkOption { type = types.functionTo (types.listOf types.str); }; }
  { f = { a, b ? 0 }: [ (toString a) ]; }
  { f = lib.mkAfter ({ a, b ? 0 }: [ (toString (a + 1)) ]); }
]).f; in
{ args = lib.functionArgs f; result = f { a = 1; }; }
