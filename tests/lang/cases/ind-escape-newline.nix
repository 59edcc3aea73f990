''
  a''\nb''\tc
''
