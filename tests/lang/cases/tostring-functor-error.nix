toString { __functor = self: x: x; }
