toString /a/b
