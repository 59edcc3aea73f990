{ lib, ... }: {
  home.activation = {
    zzz = lib.hm.dag.entryAfter [ "writeBoundary" ] "echo z";
    aaa = lib.hm.dag.entryBefore [ "writeBoundary" ] "echo a";
    mid = lib.hm.dag.entryAfter [ "linkGeneration" ] "echo m";
  };
}
