{ ... }: { xdg.stateFile."app/state.json".text = "{}"; }
