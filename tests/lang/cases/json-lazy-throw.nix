{ a = throw "json forced"; }
