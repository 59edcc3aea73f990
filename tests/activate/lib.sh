# Helpers for the activation suite: throwaway homes, specs, snapshots.
# Each test runs in its own directory $T with HOME=$T/home, XDG_STATE_HOME=$T/state and its own
# store (NIX_STORE_DIR unset, so the store is $T/state/hearth/store).

HEARTH_BIN=${HEARTH_BIN:-${HEARTH_ASAN:-$HEARTH}}

new_env() {
    T=$(mktemp -d "${HEARTH_TEST_TMP:-/tmp}/activate.XXXXXX")
    export HOME=$T/home XDG_STATE_HOME=$T/state
    unset NIX_STORE_DIR HOME_MANAGER_BACKUP_EXT HOME_MANAGER_BACKUP_OVERWRITE HEARTH_FAULT_AFTER
    mkdir -p "$HOME" "$T/src"
    STATE=$XDG_STATE_HOME/hearth
}

h() { "$HEARTH_BIN" "$@"; }

# build SPECFILE -> prints the generation path
build() { h build-generation "$1"; }

# A listing of a tree: type, path, link target, mode, and file contents by hash.
snap() {
    (cd "$1" && find . -printf '%y %p -> %l %m\n' | LC_ALL=C sort &&
        find . -type f -print0 | LC_ALL=C sort -z | xargs -0r md5sum)
}

# The state that matters after a switch: profile links, gc root, made dirs, no journal.
state_snap() {
    (cd "$STATE" && find profiles gcroots -printf '%y %p -> %l\n' | LC_ALL=C sort
        cat home-dirs 2>/dev/null
        ls journal journal.tmp 2>/dev/null)
}

# $prefix names a second run of a test under other conditions ("no-rename-flags/").
pass() { echo "PASS ${prefix-}$1"; }
fail() { echo "FAIL ${prefix-}$1: $2"; }

# check NAME COND-DESCRIPTION: runs the remaining args as a command.
expect() {
    local name=$1 what=$2
    shift 2
    if "$@"; then :; else fail "$name" "$what"; return 1; fi
}
