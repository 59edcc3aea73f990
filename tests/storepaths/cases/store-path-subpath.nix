# storePath of a path inside a store object: the string is kept, the context is the object.
let tree = builtins.unsafeDiscardStringContext "${../fixtures/tree}";
    s = builtins.storePath "${tree}/sub/long";
in { ctx = builtins.getContext s; same = s == "${tree}/sub/long"; }
