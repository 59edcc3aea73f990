{ ... }: { xdg.configFile.foo = { target = "bar/foo.conf"; text = "f\n"; }; }
