// stacktest.c: where does the stack grow? main calls f1, which calls f2;
// each prints the addresses of its local variables. Every call gets a new
// frame BELOW its caller's, so the addresses go down as the stack grows.
// Inside one frame an array's elements still go up, element by element.
// (noinline keeps gcc -O2 from merging f1 and f2 into main's frame.)
#include "kernel/types.h"
#include "user/user.h"

static __attribute__((noinline)) void
f2(int n)
{
  int local = n;
  char array[4];

  printf("f2:   &local    = %p\n", &local);
  for(int i = 0; i < 4; i++){
    array[i] = 'a' + i;
    printf("f2:   &array[%d] = %p  (%c)\n", i, &array[i], array[i]);
  }
}

static __attribute__((noinline)) void
f1(int n)
{
  int local = n;

  printf("f1:   &local    = %p\n", &local);
  f2(local + 1);
  printf("f1:   back from f2; its frame is free again\n");
}

int
main(int argc, char *argv[])
{
  int local = argc;

  printf("main: &local    = %p\n", &local);
  printf("main: &argv     = %p\n", &argv);
  f1(local);
  exit(0);
}
