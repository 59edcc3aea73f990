# programs.git.includes: after the settings, one section per include in list order,
# [include] or [includeIf "CONDITION"]; `contents` becomes a store file written with
# toGitINI, named hm_ and contentSuffix's safe characters (default gitconfig; "-" is not
# safe), linked as ~/included.gitconfig to check its text; a path value is copied to the store.
{ config, lib, ... }: {
  programs.git = {
    enable = true;
    settings.user.name = "John Doe";
    includes = [
      { path = "~/path/to/config.inc"; }
      {
        path = "~/path/to/conditional.inc";
        condition = "gitdir:~/src/dir";
      }
      {
        condition = "gitdir:~/src/dir";
        contents.user = {
          name = "John Doe";
          email = "user@example.org";
        };
      }
      {
        path = ./work.inc;
        condition = "hasconfig:remote.*.url:https://example.com/**";
      }
      {
        condition = "gitdir:~/src/otherproject";
        contents.user.email = "john@work.example.com";
        contentSuffix = "gitconfig-work";
      }
    ];
  };
  home.file."included.gitconfig".source = (lib.elemAt config.programs.git.includes 2).path;
}
