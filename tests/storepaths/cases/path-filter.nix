# builtins.path with a filter dropping symlinks.
builtins.path {
  path = ../fixtures/tree;
  name = "no-links";
  filter = path: type: type != "symlink";
}
