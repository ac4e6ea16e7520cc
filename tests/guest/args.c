/* argc, argv and envp as crt0 found them on the initial stack. argv[0] is
 * printed by its last path component, so the output does not depend on
 * where the binary lives; the environment is checked, not printed. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int main(int argc, char **argv, char **envp)
{
	int nenv = 0;

	printf("argc = %d\n", argc);
	printf("argv[0] = \"%s\" (basename)\n", basename_of(argv[0]));
	for (int i = 1; i < argc; i++)
		printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
	printf("argv[argc] is NULL: %s\n", argv[argc] == NULL ? "yes" : "no");
	while (envp[nenv])
		nenv++;
	printf("envp follows argv's NULL: %s\n", envp == argv + argc + 1 ? "yes" : "no");
	printf("environ == envp: %s\n", environ == envp ? "yes" : "no");
	printf("envp entries are strings: %s\n",
	       nenv == 0 || strchr(envp[nenv - 1], '=') != NULL ? "yes" : "no");
	return argc == 1 ? 1 : 0;
}
