let
  x = 1;
  s = "a
b";
in [ x s ]
