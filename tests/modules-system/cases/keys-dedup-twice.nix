# source: nixpkgs lib/tests/modules.sh (anonymous modules get deduplicated by key): the same key once, different keys twice
# expect: { once = "pear"; twice = "pear\npear"; }
with import ../harness.nix;
let
  fruit = key: { inherit key; config.out = "pear"; };
  run = modules: (config ([ { options.out = mkOption { type = types.lines; }; } ] ++ modules)).out;
in
{ once = run [ (fruit "a") (fruit "a") ]; twice = run [ (fruit "a") (fruit "b") ]; }
