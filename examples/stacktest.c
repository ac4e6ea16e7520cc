// stacktest.c: where does the stack grow? main calls f1, which calls f2;
// each prints the addresses of its local variables. Every call gets a new
// frame BELOW its caller's, so the addresses go down as the stack grows.
// Inside one frame an array's elements still go up, element by element.
//
// vmlab compiles it as the course does (-O, frame pointers, no sibling-call
// optimisation). With `vmlab run --cflags -O2 examples/stacktest.c` gcc
// turns f1's last call into a jump (a tail call): f2 then takes over f1's
// frame, and its locals print ABOVE f1's.
#include "kernel/types.h"
#include "user/user.h"

void
f2(void)
{
  int local = 2;
  char array[4];

  printf("f2:   &local    = %p\n", &local);
  for(int i = 0; i < 4; i++){
    array[i] = 'a' + i;
    printf("f2:   &array[%d] = %p  (%c)\n", i, &array[i], array[i]);
  }
}

void
f1(void)
{
  int local = 1;

  printf("f1:   &local    = %p\n", &local);
  f2();
}

int
main(int argc, char *argv[])
{
  int local = argc;

  printf("main: &local    = %p\n", &local);
  printf("main: &argv     = %p\n", &argv);
  f1();
  exit(0);
}
