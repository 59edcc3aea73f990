with builtins; map typeOf [ 1 1.0 "s" true null [ ] { } (x: x) map ./. ]
