# source: Home Manager lib.hm.zsh: zsh variable definitions (strings quoted, lists as arrays, booleans bare)
# expect: { array = "path=(\"/bin\" \"/usr/bin\")"; exported = "export A=true\nexport B=\"x\""; }
with import ../harness.nix;
{ array = lib.hm.zsh.define "path" [ "/bin" "/usr/bin" ];
  exported = lib.hm.zsh.exportAll { B = "x"; A = true; }; }
