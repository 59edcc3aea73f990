''
  C:\path\to\n
''
