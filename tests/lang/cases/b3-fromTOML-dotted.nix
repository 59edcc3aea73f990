builtins.fromTOML ''
  a.b.c = 1
  "quoted key" = 'literal'
  inline = { x = 1, y = "z" }
''
