builtins.unsafeDiscardStringContext "x"
