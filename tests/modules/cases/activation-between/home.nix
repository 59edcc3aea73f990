{ lib, ... }: {
  home.activation = {
    b = lib.hm.dag.entryBetween [ "linkGeneration" ] [ "writeBoundary" ] "echo b";
    a = lib.hm.dag.entryAfter [ "onFilesChange" ] "echo a";
  };
}
