{ a = undefinedName; }
