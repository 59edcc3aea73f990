builtins.functionArgs ({ x ? 1, y }: x)
