# package = null: the configuration files without installing git (home.packages stays
# empty), e.g. for a git the system provides.
{
  programs.git = {
    enable = true;
    package = null;
    settings.init.defaultBranch = "main";
  };
}
