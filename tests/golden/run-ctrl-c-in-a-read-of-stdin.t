$ tests/interrupt.sh "readstdin: reading" tests/programs/readstdin.c
ended within 1 s of Ctrl-C
exit 124
vmlab: stopped by Ctrl-C after some virtual time
summary printed
