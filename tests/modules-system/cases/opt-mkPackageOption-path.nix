# source: nixpkgs lib docs, lib.options.mkPackageOption: a list name uses its last element and the path for the default; nullable gives nullOr
# expect: { default = 1; defaultText = "pkgs.python3Packages.pytorch"; description = "The pytorch package to use. Extra."; type = "null or package"; }
with import ../harness.nix;
let o = lib.mkPackageOption { python3Packages.pytorch = 1; } [ "python3Packages" "pytorch" ] { nullable = true; extraDescription = "Extra."; }; in
{ inherit (o) default description; defaultText = o.defaultText.text; type = o.type.description; }
