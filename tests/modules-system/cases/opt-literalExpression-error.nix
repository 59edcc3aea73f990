# source: nixpkgs lib/options.nix literalExpression: the text must be a string
# expect-error: literalExpression expects a string.
with import ../harness.nix;
lib.literalExpression 42
