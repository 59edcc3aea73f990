if (import ./dir).fromDir then 41 else 0
