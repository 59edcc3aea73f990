# source: nixpkgs lib docs, lib.options.showOption examples (quoting, placeholders)
# expect: [ "foo.bar.baz" "foo.\"bar.baz\".tux" "windowManager.\"2bwm\".enable" "foo.*.bar" "foo.<name>.bar" ]
with import ../harness.nix;
map lib.showOption [
  [ "foo" "bar" "baz" ]
  [ "foo" "bar.baz" "tux" ]
  [ "windowManager" "2bwm" "enable" ]
  [ "foo" "*" "bar" ]
  [ "foo" "<name>" "bar" ]
]
