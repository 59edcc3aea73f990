# pathExists needs an absolute path
builtins.pathExists "helpers"
