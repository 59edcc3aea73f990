{ x ? "dflt" }: x
