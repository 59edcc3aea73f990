# source: nixpkgs lib docs, lib.options.literalExpression / literalMD: typed text markers for documentation
# expect: [ { _type = "literalExpression"; text = "pkgs.hello"; } { _type = "literalMD"; text = "*none*"; } ]
with import ../harness.nix;
[ (lib.literalExpression "pkgs.hello") (lib.literalMD "*none*") ]
