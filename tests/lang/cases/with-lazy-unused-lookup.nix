let x = 1; in with (throw "boom"); x
