{ lib, ... }: {
  home.activation.first = lib.hm.dag.entryAfter [ "second" ] "echo 1";
  home.activation.second = lib.hm.dag.entryAfter [ "first" ] "echo 2";
}
