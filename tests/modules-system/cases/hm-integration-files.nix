# source: Home Manager manual (home.file.<name>.target defaults to the name; text is lines) and NixOS manual "Writing modules" (mkIf on enable)
# expect: { ".bashrc" = { enable = true; target = ".bashrc"; text = "export A=1\nexport B=2"; }; ".config/git/config" = { enable = true; target = ".config/git/config"; text = "[user]\n  name = Jane\n[alias]\n  co = checkout\n  st = status"; }; my-link = { enable = true; target = "elsewhere/link"; text = null; }; }
with import ../harness.nix;
(config [
  ./modules/hm-like.nix
  { programs.git = { enable = true; userName = "Jane"; aliases = { st = "status"; co = "checkout"; }; }; }
  { home.file.".bashrc".text = mkBefore "export A=1"; }
  { home.file.".bashrc".text = "export B=2"; }
  { home.file."my-link".target = "elsewhere/link"; }
]).home.file
