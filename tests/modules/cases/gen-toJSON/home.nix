{ ... }: {
  xdg.configFile."app/config.json".text = builtins.toJSON { b = [ 1 2 ]; a = "x"; c = null; };
}
