{ ... }: {
  home.sessionVariables.A = someUndefinedName;
}
