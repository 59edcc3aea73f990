let x = throw "unused"; in 1
