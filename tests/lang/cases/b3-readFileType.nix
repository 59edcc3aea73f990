# hand-written: builtins.readFileType is in Nix >= 2.14 (manual: "Determine the directory entry type of a filesystem node, being one of "directory", "regular", "symlink", or "unknown"."); 2.8 lacks it.
with builtins; [ (readFileType ./helpers/rd) (readFileType ./helpers/rd/file) (readFileType ./helpers/rd/link) ]
