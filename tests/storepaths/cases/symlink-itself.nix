# A symlink is stored as a symlink, not followed.
"${../fixtures/link}"
