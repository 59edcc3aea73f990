let g = { __functor = self: x: { __functor = self2: y: x + y; }; }; in g 1 2
