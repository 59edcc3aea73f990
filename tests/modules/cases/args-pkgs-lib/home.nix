{ pkgs, ... }: { home.file.joined.text = pkgs.lib.concatStringsSep "," [ "a" "b" ]; }
