let x = "one\ntwo"; in ''
    start
      ${x}
    end
''
