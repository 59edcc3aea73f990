# source: Home Manager lib/dag.nix: isEntry recognises {data, after, before}; entryAnywhere has no constraints
# expect: { anywhere = { after = [ ]; before = [ ]; data = 1; }; isEntry = true; notEntry = false; }
with import ../harness.nix;
{ anywhere = lib.hm.dag.entryAnywhere 1; isEntry = lib.hm.dag.isEntry (lib.hm.dag.entryAfter [ ] 1); notEntry = lib.hm.dag.isEntry { data = 1; }; }
