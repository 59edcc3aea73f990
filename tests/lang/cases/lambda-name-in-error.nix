let myfunc = { a }: a; in myfunc { }
