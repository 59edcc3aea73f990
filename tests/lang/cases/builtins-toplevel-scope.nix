[ (removeAttrs { a = 1; } [ "a" ]) (baseNameOf "x/y") (isNull null) ]
