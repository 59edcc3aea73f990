# toXML forces what it prints: an error inside propagates
builtins.toXML { a = [ 1 (throw "inside") ]; }
