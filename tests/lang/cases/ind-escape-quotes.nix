''
  three '''quotes
''
