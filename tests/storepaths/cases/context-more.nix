# Which operations keep a string's context and which drop it, as in Nix 2.8.
let ds = import ../fixtures/drvs.nix;
    s = "${ds.simple}/bin/tool";
    ctx = s: builtins.attrNames (builtins.getContext s);
in {
  baseNameOf = ctx (baseNameOf s);
  dirOf = ctx (dirOf s);
  emptySubstring = ctx (builtins.substring 0 0 s);
  toStringList = ctx (toString [ s "x" ]);
  toXML = ctx (builtins.toXML { inherit s; });
  match = map ctx (builtins.match "(.*)/bin/(.*)" s);
  split = ctx (builtins.head (builtins.split "/" s));
  hashed = ctx (builtins.hashString "md5" s);
  concatMap = ctx (builtins.concatStringsSep "" (map (x: x + "!") [ s ]));
  interpolated = ctx "pre ${s} post";
  attrValue = ctx ({ a = s; }.a);
  ifThen = ctx (if true then s else "");
}
