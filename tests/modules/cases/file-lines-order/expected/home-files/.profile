echo first
echo middle
echo last