# source: Home Manager manual, dconf.settings: values are GVariant (plain Nix values converted with mkValue when written), rendered in dconf's text form
# expect: { "org/gnome/desktop/input-sources" = { sources = "@a(ss) [@(ss) ('xkb','us'),@(ss) ('xkb','de')]"; xkb-options = "@as ['caps:escape']"; }; "org/gnome/desktop/interface" = { clock-show-seconds = "true"; text-scaling-factor = "1.250000"; }; }
with import ../harness.nix;
let
  g = lib.hm.gvariant;
  c = config [
    ./modules/hm-like.nix
    { dconf.settings."org/gnome/desktop/interface" = { clock-show-seconds = true; text-scaling-factor = 1.25; }; }
    { dconf.settings."org/gnome/desktop/input-sources" = {
        sources = [ (g.mkTuple [ "xkb" "us" ]) (g.mkTuple [ "xkb" "de" ]) ];
        xkb-options = [ "caps:escape" ];
      }; }
  ];
in builtins.mapAttrs (dir: keys: builtins.mapAttrs (k: v: toString (g.mkValue v)) keys) c.dconf.settings
