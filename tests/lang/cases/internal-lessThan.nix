__lessThan 1 2
