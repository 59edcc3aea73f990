# A directory with subdirectories, an executable, an empty file and symlinks.
"${../fixtures/tree}"
