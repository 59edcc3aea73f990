# programs.git.lfs: the [filter "lfs"] section naming the git-lfs program of lfs.package
# (here a stand-in script: git-lfs is not installed on the test machines), `--skip` with
# skipSmudge, and the package in home.packages (Home Manager's git-with-lfs test).
{ pkgs, ... }: {
  programs.git = {
    enable = true;
    settings.user = {
      name = "John Doe";
      email = "user@example.org";
    };
    lfs = {
      enable = true;
      skipSmudge = true;
      package = pkgs.writeShellScriptBin "git-lfs" "exit 0";
    };
  };
}
