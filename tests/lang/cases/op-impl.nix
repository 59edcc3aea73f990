[ (true -> false) (false -> throw "no") (true -> true) (false -> false) ]
