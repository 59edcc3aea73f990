with { a = throw "from with"; }; a
