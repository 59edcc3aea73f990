builtins.fromTOML ''
  s = """
  line1
  line2"""
  l = '''
  raw \n'''
''
