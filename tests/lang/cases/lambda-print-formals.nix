{ a, b }: a
