/*
 * multi
 */
"x"
