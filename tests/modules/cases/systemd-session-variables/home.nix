{ ... }: { systemd.user.sessionVariables = { EDITOR = "vi"; N = 3; }; }
