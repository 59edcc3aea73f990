{ lib, ... }: {
  home.file.".npmrc".text = lib.generators.toKeyValue { } { prefix = "~/.npm"; color = false; };
}
