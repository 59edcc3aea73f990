({ a ? throw "unused" }: 7) { }
