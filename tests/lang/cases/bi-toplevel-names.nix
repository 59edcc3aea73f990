[ (true) (false) (null) (toString 1) (baseNameOf "a/b") ]
