/* block */ 1 + /* inline */ 2 /* end */
