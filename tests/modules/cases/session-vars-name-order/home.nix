{ ... }: {
  home.sessionVariables = { b = "3"; B = "2"; A = "1"; _X = "4"; };
}
