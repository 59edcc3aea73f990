{ }.a or { }.b or 3
