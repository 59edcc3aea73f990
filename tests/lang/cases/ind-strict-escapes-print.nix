''
  "quoted" and \backslash
''
