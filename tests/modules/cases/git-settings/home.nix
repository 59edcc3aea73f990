# programs.git.settings through lib.generators.toGitINI, as Home Manager writes it: sections in
# name order, keys in name order, one tab before each key, strings quoted with \" \\ \n \t
# escaped, booleans and integers bare, a list as the key repeated, `a.b.c` as [a "b"] with
# key c, dots inside a subsection name kept, two definitions merged (lists in order).
{ lib, ... }: {
  programs.git = lib.mkMerge [
    {
      enable = true;
      settings = {
        user = {
          name = "John Doe";
          email = "user@example.org";
        };
        alias = {
          a1 = "foo";
          a2 = "bar";
          escapes = ''"\n	'';
        };
        core.whitespace = "trailing-space,space-before-tab";
        url."ssh://git@host".insteadOf = "otherhost";
        credential."https://example.com".username = "jane";
        extra = {
          name = "value";
          multiple = [ 1 ];
          boolean = true;
          integer = 38;
        };
      };
    }
    {
      settings = {
        alias.a2 = lib.mkForce "baz";
        extra.multiple = [ 2 ];
        extra.subsection.value = "test";
        "extra \"backcompat.with.dots\"".previously = "worked";
      };
    }
  ];
}
