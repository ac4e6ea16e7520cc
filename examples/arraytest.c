// arraytest.c: where does the heap grow? Prints the address of an array on
// the stack, then grows the heap three times with sbrk(40): each call
// returns the old end of the heap, so the addresses go UP, 40 bytes at a
// time, far below the stack. (arraytest N does N calls instead of three.)
#include "kernel/types.h"
#include "user/user.h"

int
main(int argc, char *argv[])
{
  char array[16];
  int n = argc > 1 ? atoi(argv[1]) : 3;

  array[0] = 0;
  printf("stack: array at %p\n", array);
  for(int i = 0; i < n; i++){
    char *p = sbrk(40);
    printf("heap:  sbrk(40) returned %p\n", p);
  }
  printf("heap:  the break is now %p\n", sbrk(0));
  exit(0);
}
