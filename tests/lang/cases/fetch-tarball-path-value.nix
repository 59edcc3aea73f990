# fetchTarball takes a URL string: a path value is a type error.
builtins.fetchTarball ./helpers/nothing.tar.gz
