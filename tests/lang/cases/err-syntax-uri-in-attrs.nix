{ http://a = 1; }
