#!/usr/bin/env bash
# Error texts of hearth's lib: each case evaluates an expression that must
# fail, under nix-instantiate and under `hearth eval`, and checks that stderr
# contains the message nixpkgs lib (26.11) documents or produces for it
# (tryEval cannot see messages, so stderr is matched).  Lines:
#   PASS nix/errors/NAME | FAIL hearth/errors/NAME: why
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=${HEARTH_TOP:-$(cd "$here/../.." && pwd)}
nix=${NIX_INSTANTIATE:-$(command -v nix-instantiate || true)}
hearth=${HEARTH:-$top/build/hearth}
err=$(mktemp /tmp/hearth-liberr.XXXXXX)
trap 'rm -f "$err"' EXIT

# name <TAB> expression (lib in scope) <TAB> expected stderr substring
cases=$(cat <<'CASES'
last-empty	lib.last [ ]	lists.last: list must not be empty!
init-empty	lib.init [ ]	lists.init: list must not be empty!
toInt-word	lib.toInt "foo"	toInt: Could not convert "foo" to int.
toInt-octal	lib.toInt "00024"	toInt: Ambiguity in interpretation of "00024" between octal and zero padded integer.
toIntBase10-word	lib.toIntBase10 "x1"	toIntBase10: Could not convert "x1" to int.
getExe'-type	lib.getExe' "x" "y"	lib.meta.getExe': The first argument is of type string, but it should be a derivation instead.
getExe'-second	lib.getExe' { type = "derivation"; outPath = "/o"; } 1	lib.meta.getExe': The second argument is of type int, but it should be a string instead.
getExe'-nested	lib.getExe' { type = "derivation"; outPath = "/o"; } "a/b"	lib.meta.getExe': The second argument "a/b" is a nested path with a "/" character, but it should just be the name of the executable instead.
fixedWidthString	lib.fixedWidthString 2 "0" "123"	fixedWidthString: requested string length (2) must not be shorter than actual length (3)
checkListOfEnum	lib.checkListOfEnum "color" [ "red" "green" ] [ "blue" "red" ] true	color: blue unexpected; valid ones: red, green
throwIfNot	lib.throwIfNot false "custom message" 1	custom message
throwIf	lib.throwIf true "custom message" 1	custom message
assertMsg	assert lib.assertMsg false "my assertion text"; 1	my assertion text
assertOneOf	assert lib.assertOneOf "foo" "foo" [ "bar" "baz" ]; 1	foo must be one of [\n  "bar"\n  "baz"\n], but is: "foo"
lists-removePrefix	lib.lists.removePrefix [ 0 ] [ 1 ]	lib.lists.removePrefix: First argument is not a list prefix of the second argument
unionOfDisjoint	(lib.attrsets.unionOfDisjoint { a = 1; } { a = 2; }).a	unionOfDisjoint: collision on a; complete list: a
toShellVar	lib.toShellVar "0bad" "x"	toShellVar: 0bad is not a valid shell variable name
callPackageWith-missing	lib.callPackageWith { abc = 1; } ({ abd }: abd) { }	lib.customisation.callPackageWith: Function called without required argument "abd" at
callPackageWith-suggest	lib.callPackageWith { abc = 1; } ({ abd }: abd) { }	did you mean "abc"?
callPackages-single	lib.callPackagesWith { } ({ }: { type = "derivation"; name = "x"; }) { }	function `callPackages` was called on a *single* derivation "x"; did you mean to use `callPackage` instead?
mkValueStringDefault-list	lib.generators.mkValueStringDefault { } [ 1 ]	generators.mkValueStringDefault: lists not supported: [\n  1\n]
mkValueStringDefault-attrs	lib.generators.mkValueStringDefault { } { a = 1; }	generators.mkValueStringDefault: attrsets not supported: {\n  a = 1;\n}
toLua-bindings	lib.generators.toLua { asBindings = true; } { "1a" = 1; }	Bad Lua var names: [\n  "1a"\n]
toDhall-null	lib.generators.toDhall { } null	generators.toDhall: cannot convert a null to Dhall
withRecursion	lib.generators.withRecursion { depthLimit = 0; } { a = 1; }	Exceeded maximum eval-depth limit of 0 while trying to evaluate with `generators.withRecursion'!
fromHexString	lib.fromHexString "xyz"	Invalid hexadecimal string: xyz
updateManyAttrsByPath	lib.updateManyAttrsByPath [ { path = [ "a" "b" ]; update = old: old + 1; } ] { a = 1; }	updateManyAttrsByPath: Path 'a.b' needs to be updated, but path 'a' of the given value is not an attribute set, so we can't update an attribute inside of it.
tryCPE	lib.meta.cpePatchVersionInUpdateWithVendor "gnu" "5.3p0"	version 5.3p0 doesn't match regex `([0-9]+\.[0-9]+)\.([0-9]+)`
CASES
)

# Nix indents the continuation lines of a message on stderr, so whitespace
# runs are collapsed to one space on both sides before matching.
squash() { tr -s ' \n\t' '   '; }

check() { # evaluator-name case-name expr want command...
    local ev=$1 name=$2 expr=$3 want=$4
    shift 4
    local full="let lib = import $top/lib; in $expr"
    if "$@" --eval --strict -E "$full" >/dev/null 2>"$err"; then
        echo "FAIL $ev/errors/$name: evaluation succeeded, expected an error containing: $want"
        return
    fi
    local got wanted
    got=$(squash <"$err")
    wanted=$(printf '%b' "$want" | squash)
    if [[ $got == *"$wanted"* ]]; then
        echo "PASS $ev/errors/$name"
    else
        echo "FAIL $ev/errors/$name: stderr lacks: $wanted; got: ${got:0:400}"
    fi
}

while IFS=$'\t' read -r name expr want; do
    [[ -z $name ]] && continue
    if [[ -n $nix ]]; then
        check nix "$name" "$expr" "$want" "$nix"
    fi
    if [[ -x $hearth ]]; then
        check hearth "$name" "$expr" "$want" timeout 60 "$hearth" eval
    else
        echo "FAIL hearth/errors/$name: no hearth binary at $hearth"
    fi
done <<<"$cases"
