# source: nixpkgs lib docs, lib.options.mkPackageOption examples: description "The hello package to use.", defaultText pkgs.hello
# expect: { default = "hello-drv"; defaultText = { _type = "literalExpression"; text = "pkgs.hello"; }; description = "The hello package to use."; type = "package"; }
with import ../harness.nix;
let o = lib.mkPackageOption { hello = "hello-drv"; } "hello" { }; in
{ inherit (o) default defaultText description; type = o.type.name; }
