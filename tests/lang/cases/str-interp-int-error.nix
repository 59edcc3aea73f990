let x = 1; in "n=${x}"
