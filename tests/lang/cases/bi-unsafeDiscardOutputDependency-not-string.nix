# unsafeDiscardOutputDependency needs a string
builtins.unsafeDiscardOutputDependency [ ]
