# source: nixpkgs lib/modules.nix unifyModuleSyntax: a module with `config' or `options' cannot have other top-level attributes
# expect-error: Module `:anon-1' has an unsupported attribute `foo'. This is caused by introducing a top-level `config' or `options' attribute. Add configuration attributes immediately on the top level instead, or move all of them (namely: foo) into the explicit `config' attribute.
with import ../harness.nix;
config [ { options.x = mkOption { type = types.int; }; foo = 1; } ]
