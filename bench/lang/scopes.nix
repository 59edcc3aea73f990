# Deep `with` and `let` nesting: variable lookup through many scopes, evaluated 100,000 times.
let
  f = i:
    with { a0 = i; };
    with { a1 = 1; }; with { a2 = 2; }; with { a3 = 3; }; with { a4 = 4; }; with { a5 = 5; };
    with { a6 = 6; }; with { a7 = 7; }; with { a8 = 8; }; with { a9 = 9; }; with { a10 = 10; };
    let b0 = a0; in let b1 = b0 + a1; in let b2 = b1 + a2; in let b3 = b2 + a3; in
    let b4 = b3 + a4; in let b5 = b4 + a5; in let b6 = b5 + a6; in let b7 = b6 + a7; in
    let b8 = b7 + a8; in let b9 = b8 + a9; in let b10 = b9 + a10; in
    with { c0 = b10; }; with { c1 = c0 + a0; }; with { c2 = c1 + a1; }; with { c3 = c2 + b0; };
    c3 + a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10;
in
builtins.foldl' (s: i: s + f i) 0 (builtins.genList (i: i) 100000)
