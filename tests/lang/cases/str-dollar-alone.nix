"price: $5 and $"
