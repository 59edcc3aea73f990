{ config, ... }: { home.file.env.text = config.lib.shell.exportAll { B = "2"; A = "1"; }; }
