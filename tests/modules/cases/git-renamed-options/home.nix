# The options older Home Manager releases had still work, renamed into programs.git.settings,
# each with the module system's warning (Home Manager's git-settings-deprecations test).
{
  programs.git = {
    enable = true;
    userName = "John Doe";
    userEmail = "john@example.com";
    aliases = {
      co = "checkout";
      st = "status";
    };
    extraConfig.init.defaultBranch = "main";
  };
}
