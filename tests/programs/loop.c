/* Computes forever: only a limit or Ctrl-C stops it. */
int main(void)
{
	volatile unsigned long n = 0;
	for (;;)
		n++;
}
