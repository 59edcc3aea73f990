{ x }: x.a
