# unsafeDiscardOutputDependency turns a whole-derivation context into a plain path.
let ds = import ../fixtures/drvs.nix;
in {
  before = builtins.getContext ds.simple.drvPath;
  after = builtins.getContext (builtins.unsafeDiscardOutputDependency ds.simple.drvPath);
  outputs = builtins.getContext (builtins.unsafeDiscardOutputDependency "${ds.multi.dev}");
}
