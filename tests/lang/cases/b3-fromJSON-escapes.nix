builtins.fromJSON ''"a\"b\\c\nd\u00e9\u2603\/"''
