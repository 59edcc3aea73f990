# source: Home Manager lib.hm.shell: export / exportAll produce Bourne shell export statements; prependToVar example
# expect: { all = "export A=\"1\"\nexport B=\"two\""; one = "export EDITOR=\"vim\""; prepend = "$HOME/bin:$HOME/.local/bin\${PATH:+:}$PATH"; }
with import ../harness.nix;
{ one = lib.hm.shell.export "EDITOR" "vim";
  all = lib.hm.shell.exportAll { B = "two"; A = 1; };
  prepend = lib.hm.shell.prependToVar ":" "PATH" [ "$HOME/bin" "$HOME/.local/bin" ]; }
