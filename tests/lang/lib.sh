# tests/lang/lib.sh: what `run` and `record` share: the environment both evaluators run in,
# how a case's flags become a command line, and how output is normalised before comparing.
#
# A case is cases/NAME.nix with one of:
#   NAME.exp     stdout of a successful evaluation (exit code 0 expected)
#   NAME.err     stderr of a failing evaluation (non-zero exit code expected)
#   NAME.stderr  (with .exp) stderr of a successful evaluation, when there is any (trace, warnings)
#   NAME.flags   optional extra flags, one line, word-split. Two pseudo-flags:
#                  --no-strict  do not pass --strict (lazy printing, <CODE>)
#                  --expr       pass the file's text with -E instead of the file name («string»)
# Every case runs with the cases directory as cwd, so helper files live in subdirectories there.

lang_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
lang_cases=$lang_dir/cases

# Store paths hash the store directory, so recorded store paths only compare equal when the store
# directory is always the same string. Its contents are throwaway; only the name is fixed.
lang_env() {
    export NIX_STORE_DIR=/tmp/hearth-lang-store/store
    local state=${1:?}
    export NIX_STATE_DIR=$state/state NIX_LOG_DIR=$state/log NIX_CONF_DIR=$state/etc
    export NIX_REMOTE= NIX_PATH= LC_ALL=C TZ=UTC
    # ~/a paths and getEnv read these: give both evaluators the same values.
    export HOME=/home/hearth-lang-test HEARTH_LANG_VAR="value of the test variable"
    unset NIX_SHOW_STATS NIX_COUNT_CALLS
    mkdir -p "$NIX_CONF_DIR" "$NIX_STORE_DIR"
}

# lang_cmd NAME: sets the array lang_argv to the arguments after `eval` / `nix-instantiate --eval`.
lang_cmd() {
    local name=$1 strict=1 expr=0 f
    local -a flags=()
    if [[ -f $lang_cases/$name.flags ]]; then
        read -r -a flags <"$lang_cases/$name.flags"
    fi
    lang_argv=()
    for f in "${flags[@]}"; do
        case $f in
        --no-strict) strict=0 ;;
        --expr) expr=1 ;;
        *) lang_argv+=("$f") ;;
        esac
    done
    ((strict)) && lang_argv=(--strict "${lang_argv[@]}")
    if ((expr)); then
        lang_argv+=(-E "$(cat "$lang_cases/$name.nix")")
    else
        lang_argv+=("$name.nix")
    fi
}

# lang_normalise: stdin to stdout, the cases directory's absolute path replaced by @CASES@.
lang_normalise() {
    local esc
    esc=$(printf '%s' "$lang_cases" | sed 's/[][\.*^$|/]/\\&/g')
    # Usage errors name the program as it was called; that part is not the language's.
    sed -e "s/$esc/@CASES@/g" -e "s/^Try '[^']*' for more information\.$/Try '@PROGRAM@ --help' for more information./"
}

# lang_names [NAME...]: the names of the cases to run (all when none given).
lang_names() {
    if (($#)); then
        printf '%s\n' "${@%.nix}"
    else
        (cd "$lang_cases" && for f in *.nix; do printf '%s\n' "${f%.nix}"; done)
    fi
}
