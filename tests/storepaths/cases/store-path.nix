# storePath accepts a path in the store and gives it back with its context.
let p = builtins.unsafeDiscardStringContext "${../fixtures/hello.txt}";
    s = builtins.storePath p;
in { inherit s; ctx = builtins.getContext s; }
