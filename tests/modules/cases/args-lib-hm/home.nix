{ lib, ... }: { home.file.name.text = lib.hm.strings.storeFileName ".foo bar"; }
