{ ... }: {
  home.file = {
    conflict1 = { text = "one"; target = "baz"; };
    conflict2 = { text = "two"; target = "baz"; };
  };
}
