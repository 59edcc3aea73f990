''
        eight
   three
      six
''
