let s = { hello = 1; }; in s.helo
