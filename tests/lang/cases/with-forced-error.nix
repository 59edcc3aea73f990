with (throw "boom"); y
