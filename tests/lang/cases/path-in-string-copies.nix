builtins.substring 0 0 "${./helpers/hello.txt}" == ""
