({ a } @ args: args.a) { a = 9; }
