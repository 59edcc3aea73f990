''
  $HOME and $ alone
''
