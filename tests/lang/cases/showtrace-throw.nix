let f = x: throw "in f ${x}"; in { a = f "arg"; }.a
