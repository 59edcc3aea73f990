''  foo
    bar''
