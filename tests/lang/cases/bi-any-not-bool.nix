# any: the predicate must return a Boolean
builtins.any (x: 1) [ 1 ]
