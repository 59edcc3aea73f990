{ lib, ... }: {
  xdg.configFile."git/config".text = lib.generators.toGitINI {
    user = { name = "Jane Doe"; email = "jane@example.org"; };
    core.editor = "vim";
  };
}
