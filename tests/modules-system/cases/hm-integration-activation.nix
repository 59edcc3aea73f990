# source: Home Manager manual, home.activation: entries ordered by entryAfter/entryBefore (here after writeBoundary, which is after checkFilesChanged)
# expect: [ "checkFilesChanged" "writeBoundary" "gitCheck" "reloadSystemd" ]
with import ../harness.nix;
let
  d = lib.hm.dag;
  c = config [
    ./modules/hm-like.nix
    { programs.git = { enable = true; userName = "Jane"; }; }
    { home.activation = {
        writeBoundary = d.entryAfter [ "checkFilesChanged" ] "";
        checkFilesChanged = d.entryAnywhere "";
        reloadSystemd = d.entryAfter [ "writeBoundary" "gitCheck" ] "systemctl --user daemon-reload";
      }; }
  ];
in map (e: e.name) (d.topoSort c.home.activation).result
