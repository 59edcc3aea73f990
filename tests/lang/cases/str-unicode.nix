"héllo wörld ☃"
