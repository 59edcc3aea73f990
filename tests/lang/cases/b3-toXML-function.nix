builtins.toXML { f = { x, y ? 1 }: x; }
