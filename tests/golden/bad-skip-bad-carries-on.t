$ printf 'R 0x1000\nhello world\nW 0x2000\n' | vmlab trace --format plain --skip-bad | head -n 1
vmlab: <stdin>:2: expected [pid] R|W|X address [size]: 'hello world'
references        2
