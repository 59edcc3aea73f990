builtins.fromTOML ''
  i = -17
  h = 0xff
  o = 0o17
  b = 0b101
  f = 6.626e-34
  inf = inf
  t = true
  u = 1_000
''
