builtins.toXML { a = 1; b = [ "s" true ]; c = null; }
