let x = "V"; in ''
    ${x}
  b
''
