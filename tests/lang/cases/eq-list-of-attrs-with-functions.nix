let f = x: x; in [ { inherit f; } ] == [ { inherit f; } ]
