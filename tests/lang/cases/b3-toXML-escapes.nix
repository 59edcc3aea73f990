builtins.toXML "<&>\"'"
