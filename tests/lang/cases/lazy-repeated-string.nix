let s = "str"; in [ s s ]
