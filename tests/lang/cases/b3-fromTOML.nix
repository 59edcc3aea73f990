builtins.fromTOML ''
  a = 1
  b = "str"
  c = [ 1, 2 ]
  [table]
  x = true
  y = 1.5
  [[arr]]
  n = 1
  [[arr]]
  n = 2
''
