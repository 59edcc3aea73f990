''
  ''${not interpolated}
''
