{ x }: x
