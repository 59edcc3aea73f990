let x = "X"; in ''
  value ${x}
    more ${x}
''
