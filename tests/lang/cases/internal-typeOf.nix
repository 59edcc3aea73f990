__typeOf 1
