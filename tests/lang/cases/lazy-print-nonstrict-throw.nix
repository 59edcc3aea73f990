{ a = throw "x"; }
