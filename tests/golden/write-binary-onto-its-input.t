$ d=$(mktemp -d); cd $d; echo "R 0x1000" > t.trace; vmlab trace --write-binary ./t.trace t.trace; st=$?; cat t.trace; rm -rf $d; exit $st
vmlab: --write-binary ./t.trace: that is the trace being read
R 0x1000
[2]
