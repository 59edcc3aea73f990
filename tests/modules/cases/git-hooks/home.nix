# programs.git.hooks: a store directory linking each hook by name, named by core.hooksPath
# (linked here as ~/git-hooks to check what it holds).
{ config, ... }: {
  programs.git = {
    enable = true;
    hooks.pre-commit = ./pre-commit;
  };
  home.file.git-hooks.source = config.programs.git.iniContent.core.hooksPath;
}
