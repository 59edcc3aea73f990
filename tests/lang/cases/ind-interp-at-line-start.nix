let x = "V"; in ''
  ${x} first
  second
''
