# source: nixpkgs lib/types.nix mkOptionType: a type's merge may be replaced with `type // { merge = ...; }` (e.g. Home Manager's sourceFileOrLines); the replacement is what merges
# expect: { lines = { recursive = false; source = null; target = "/cfg/app.conf"; text = "hello"; }; set = { recursive = false; source = null; target = "/cfg/app.conf"; text = "from set"; }; }
with import ../harness.nix;
let
  t = lib.hm.types.sourceFileOrLines "/cfg" "app.conf";
  one = v: (config [ { options.f = mkOption { type = t; }; } { f = v; } ]).f;
in { lines = one "hello"; set = one { text = "from set"; }; }
