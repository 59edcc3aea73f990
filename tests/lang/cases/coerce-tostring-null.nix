toString null
