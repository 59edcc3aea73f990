{ pkgs, ... }: {
  home.file."bin/greet" = {
    source = pkgs.writeShellScript "greet" "echo hi\n";
    executable = true;
  };
}
