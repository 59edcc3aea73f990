{ ... }: { xdg.cacheFile."app/CACHEDIR.TAG".text = "Signature: 8a477f597d28d172789f06886806bc55\n"; }
