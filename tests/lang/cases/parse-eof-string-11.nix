# unterminated string: where end of file is reported
''a''\n