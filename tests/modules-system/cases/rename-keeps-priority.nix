# source: nixpkgs lib/modules.nix doRename: forwarded definitions keep their priority (mkAliasAndWrapDefsWithPriority)
# expect: "direct"
with import ../harness.nix;
(config [
  { options.new = mkOption { type = types.str; }; }
  (lib.mkRenamedOptionModule [ "old" ] [ "new" ])
  { old = mkDefault "via-old"; }
  { new = "direct"; }
]).new
