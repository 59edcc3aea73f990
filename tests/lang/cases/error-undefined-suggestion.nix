let hello = 1; in helo
