!false && false
