# Operations that keep or drop the context.
let ds = import ../fixtures/drvs.nix;
    s = "x${ds.simple}y";
    ctx = s: builtins.attrNames (builtins.getContext s);
in {
  substring = ctx (builtins.substring 0 5 s);
  concat = ctx (builtins.concatStringsSep "," [ s "z" ]);
  replace = ctx (builtins.replaceStrings [ "x" ] [ "w" ] s);
  discard = builtins.hasContext (builtins.unsafeDiscardStringContext s);
  toJSON = ctx (builtins.toJSON { inherit s; });
  plus = ctx (s + "!");
  hasContext = builtins.hasContext s;
}
