#!/usr/bin/env bash
# The plists lib.generators.toPlist writes (launchd agents) must be valid
# property lists: each evaluator's output is parsed by plistutil (libplist,
# the same format launchd reads), converted to binary and back.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=${HEARTH_TOP:-$(cd "$here/../.." && pwd)}
nix=${NIX_INSTANTIATE:-$(command -v nix-instantiate || true)}
hearth=${HEARTH:-$top/build/hearth}
tmp=$(mktemp -d /tmp/hearth-libplist.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
if ! command -v plistutil >/dev/null; then
    echo "SKIP nix/plist/agent-parses: plistutil (libplist-utils) is not installed"
    exit 0
fi
expr="let lib = import $top/lib; in lib.generators.toPlist { escape = true; } {
  Label = \"org.nix-community.home.a&b<c>\";
  ProgramArguments = [ \"/bin/sh\" \"-c\" \"echo 'hi' && true\" ];
  KeepAlive = { Crashed = true; SuccessfulExit = false; };
  StartInterval = 300;
  Ratio = 0.5;
  EnvironmentVariables = { PATH = \"/usr/bin:/bin\"; };
  Sockets = { Listeners = [ { SockServiceName = \"8080\"; } ]; };
  Missing = null;
}"
check() { # evaluator command...
    local ev=$1
    shift
    if ! "$@" --eval --strict --json -E "$expr" 2>"$tmp/err" | jq -r . >"$tmp/$ev.plist" 2>>"$tmp/err" ||
        [[ ! -s $tmp/$ev.plist ]]; then
        echo "FAIL $ev/plist/agent-parses: evaluation failed: $(head -c 300 "$tmp/err" | tr '\n' ' ')"
        return
    fi
    if plistutil -i "$tmp/$ev.plist" -o "$tmp/$ev.bin" -f bin 2>"$tmp/err" &&
        plistutil -i "$tmp/$ev.bin" -o "$tmp/$ev.back" -f xml 2>>"$tmp/err" &&
        grep -q '<string>org.nix-community.home.a&amp;b&lt;c&gt;</string>' "$tmp/$ev.back"; then
        echo "PASS $ev/plist/agent-parses"
    else
        echo "FAIL $ev/plist/agent-parses: plistutil rejects it or loses the label: $(head -c 300 "$tmp/err" | tr '\n' ' ')"
    fi
}
[[ -n $nix ]] && check nix "$nix"
if [[ -x $hearth ]]; then
    check hearth timeout 60 "$hearth" eval
    if [[ -s $tmp/nix.plist && -s $tmp/hearth.plist ]]; then
        if cmp -s "$tmp/nix.plist" "$tmp/hearth.plist"; then
            echo "PASS hearth/plist/agent-same-bytes-as-nix"
        else
            echo "FAIL hearth/plist/agent-same-bytes-as-nix: hearth's plist differs from nix-instantiate's"
        fi
    fi
else
    echo "FAIL hearth/plist/agent-parses: no hearth binary at $hearth"
fi
