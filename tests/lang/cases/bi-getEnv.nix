builtins.getEnv "HEARTH_LANG_VAR"
