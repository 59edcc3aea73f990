{ ... }: {
  imports = [
    ({ ... }: { home.sessionVariables.EDITOR = "vi"; })
    ({ ... }: { home.sessionVariables.VISUAL = "emacs"; })
  ];
}
