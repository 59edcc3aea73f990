# Adds one package; disabled by the disabledModules cases.
{ packages = [ "vim" ]; }
