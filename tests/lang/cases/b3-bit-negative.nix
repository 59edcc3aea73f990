with builtins; [ (bitOr (-8) 3) (bitXor (-1) 0) (bitAnd 0 (-1)) ]
